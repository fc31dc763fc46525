import { z } from 'zod';
import { fail, type DomainError } from './result';

/**
 * The card deck "in the middle of the table": every phone at a table shows the same `current`
 * card. Stored as one JSON row per table with a `version`; every change is a compare-and-set
 * against that version, so a stale click is rejected instead of being applied twice.
 *
 * Invariant: every card id appears at most once across `pile`, `current` and `discussed`.
 * Draw, skip and discuss only move cards; deal may add one card; reshuffle replaces the deck.
 */

/** A random source returning numbers in [0, 1): `Math.random` in production, seeded in tests. */
export type Rng = () => number;

const CardId = z.string().min(1);

export const DeckState = z
	.object({
		version: z.int().min(0),
		/** Card ids still to be drawn, top first. */
		pile: z.array(CardId),
		/** The card on the table, or null when the table should draw the next one. */
		current: CardId.nullable(),
		/** Discussed card ids, in the order they were discussed. */
		discussed: z.array(CardId),
		/** How many times the table set a card aside undiscussed (skip, or draw over a card). */
		skipped: z.int().min(0),
		themeId: z.string().min(1).nullable()
	})
	.refine((s) => new Set(deckCards(s)).size === deckCards(s).length, 'a card appears twice');
export type DeckState = z.infer<typeof DeckState>;

export type DeckAction =
	| { type: 'draw' }
	| { type: 'skip' }
	| { type: 'discuss' }
	| { type: 'deal'; cardId: string }
	| { type: 'reshuffle'; cardIds: readonly string[]; rng: Rng; themeId: string | null };

export type DeckErrorCode = 'stale_version' | 'empty_pile' | 'no_current_card' | 'already_current';
export type DeckResult = { ok: true; state: DeckState } | DomainError<DeckErrorCode>;

/** Fisher–Yates shuffle into a new array; `rng` must return numbers in [0, 1). */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const r = rng();
		if (!(r >= 0 && r < 1)) {
			throw new RangeError(`rng() returned ${r}, expected [0, 1)`);
		}
		const j = Math.floor(r * (i + 1));
		const swap = out[i] as T;
		out[i] = out[j] as T;
		out[j] = swap;
	}
	return out;
}

/** A fresh, shuffled deck at version 0. Duplicate ids are dropped (first one kept). */
export function newDeck(
	cardIds: readonly string[],
	rng: Rng,
	themeId: string | null = null
): DeckState {
	const pile = shuffle([...new Set(cardIds)], rng);
	return { version: 0, pile, current: null, discussed: [], skipped: 0, themeId };
}

/**
 * Applies one table action if `expectedVersion` is the state's version (compare-and-set).
 * On success the new state's version is exactly one higher; the input is never mutated.
 *
 * - draw: takes the top of the pile. If a card is already on the table it is set aside first,
 *   exactly like skip (so a draw never discards a card).
 * - skip: puts the current card under the pile and takes the next one. Fails on the last card,
 *   since skipping it would just bring it back.
 * - discuss: marks the current card discussed and clears the table ("Trekk neste kort").
 * - deal: the facilitator's card becomes current, taken out of the pile or the discussed list
 *   if it is there (or added to the deck if not); the card it replaces goes under the pile.
 * - reshuffle: a new shuffled deck from `cardIds` (discussed list and skip count reset).
 */
export function applyDeckAction(
	state: DeckState,
	action: DeckAction,
	expectedVersion: number
): DeckResult {
	if (expectedVersion !== state.version) {
		return fail('stale_version', 'Noen ved bordet var raskere. Se kortet som ligger nå.');
	}
	const next = step(state, action);
	return next.ok ? { ok: true, state: { ...next.state, version: state.version + 1 } } : next;
}

function step(s: DeckState, action: DeckAction): DeckResult {
	switch (action.type) {
		case 'draw':
			return s.current === null ? draw(s) : skip(s);
		case 'skip':
			return skip(s);
		case 'discuss':
			return discuss(s);
		case 'deal':
			return deal(s, action.cardId);
		case 'reshuffle':
			return ok({ ...newDeck(action.cardIds, action.rng, action.themeId), version: s.version });
	}
}

function ok(state: DeckState): DeckResult {
	return { ok: true, state };
}

const noCurrent = () => fail('no_current_card', 'Det ligger ikke noe kort på bordet.');

function draw(s: DeckState): DeckResult {
	const [top, ...rest] = s.pile;
	if (top === undefined) {
		return fail('empty_pile', 'Det er ingen flere kort i bunken.');
	}
	return ok({ ...s, pile: rest, current: top });
}

function skip(s: DeckState): DeckResult {
	if (s.current === null) {
		return noCurrent();
	}
	const [top, ...rest] = s.pile;
	if (top === undefined) {
		return fail('empty_pile', 'Dette er det siste kortet i bunken.');
	}
	return ok({ ...s, pile: [...rest, s.current], current: top, skipped: s.skipped + 1 });
}

function discuss(s: DeckState): DeckResult {
	if (s.current === null) {
		return noCurrent();
	}
	return ok({ ...s, current: null, discussed: [...s.discussed, s.current] });
}

function deal(s: DeckState, cardId: string): DeckResult {
	if (s.current === cardId) {
		return fail('already_current', 'Kortet ligger allerede på bordet.');
	}
	const pile = s.pile.filter((id) => id !== cardId);
	const discussed = s.discussed.filter((id) => id !== cardId);
	if (s.current !== null) {
		pile.push(s.current);
	}
	return ok({ ...s, pile, current: cardId, discussed });
}

/** Every card id in the deck (pile, current, discussed), sorted: a multiset for invariants. */
export function deckCards(state: {
	pile: readonly string[];
	current: string | null;
	discussed: readonly string[];
}): string[] {
	const current = state.current === null ? [] : [state.current];
	return [...state.pile, ...current, ...state.discussed].sort();
}

/** What phones need to render the table: the pile's order is left out. */
export type DeckView = Omit<DeckState, 'pile'> & { remaining: number };

/** The state as broadcast to phones at the table (everything but the order of the pile). */
export function deckView(state: DeckState): DeckView {
	const { pile, ...rest } = state;
	return { ...rest, remaining: pile.length };
}

/**
 * The cards of one theme, in their original order; `themeId` null means every card.
 * A card with no theme is only included when no theme is chosen.
 */
export function filterByTheme<T extends { id: string; themeId?: string | null }>(
	cards: readonly T[],
	themeId: string | null
): T[] {
	return themeId === null ? [...cards] : cards.filter((c) => c.themeId === themeId);
}
