import { describe, expect, it } from 'vitest';
import { applyDeckAction, deckCards, DeckState, newDeck, type DeckAction } from './deck';
import { mulberry32 } from './test-utils';

/**
 * Property test: several phones at one table click at random, each holding the version it last
 * saw (often stale). The compare-and-set in applyDeckAction decides who wins. Whatever the
 * interleaving, no card may be duplicated or lost and the version must rise by one per applied
 * action.
 */

type Phone = { seen: number };
type Stats = { applied: number; stale: number; refused: number; bursts: number };

const RUNS = 400;
const STEPS = 60;

function pick<T>(rng: () => number, items: readonly T[]): T {
	return items[Math.floor(rng() * items.length)] as T;
}

function randomAction(rng: () => number, universe: string[]): DeckAction {
	const r = rng();
	if (r < 0.35) {
		return { type: 'draw' };
	}
	if (r < 0.55) {
		return { type: 'skip' };
	}
	if (r < 0.85) {
		return { type: 'discuss' };
	}
	if (r < 0.96) {
		return { type: 'deal', cardId: pick(rng, universe) };
	}
	const cardIds = universe.filter(() => rng() < 0.6);
	return { type: 'reshuffle', cardIds, rng: mulberry32(Math.floor(rng() * 1e9)), themeId: null };
}

/** The multiset the deck must hold after `action` succeeded on a deck holding `before`. */
function expectedCards(before: string[], action: DeckAction): string[] {
	if (action.type === 'reshuffle') {
		return [...new Set(action.cardIds)].sort();
	}
	if (action.type === 'deal' && !before.includes(action.cardId)) {
		return [...before, action.cardId].sort();
	}
	return before;
}

class Table {
	state: DeckState;
	cards: string[];
	stats: Stats = { applied: 0, stale: 0, refused: 0, bursts: 0 };

	constructor(cardIds: string[], rng: () => number) {
		this.state = newDeck(cardIds, rng);
		this.cards = deckCards(this.state);
	}

	/** One click from `phone`; returns whether it was applied. */
	click(phone: Phone, action: DeckAction): boolean {
		const before = this.state;
		const result = applyDeckAction(before, action, phone.seen);
		if (phone.seen !== before.version) {
			expect(result).toMatchObject({ ok: false, code: 'stale_version' });
			this.stats.stale++;
			phone.seen = before.version; // the phone reloads after a stale error
			return false;
		}
		if (!result.ok) {
			this.checkRefusal(action, result.code);
			return false;
		}
		expect(result.state.version).toBe(before.version + 1);
		this.cards = expectedCards(this.cards, action);
		this.state = result.state;
		phone.seen = result.state.version;
		this.stats.applied++;
		return true;
	}

	private checkRefusal(action: DeckAction, code: string): void {
		const s = this.state;
		this.stats.refused++;
		if (code === 'empty_pile') {
			expect(s.pile).toEqual([]);
		} else if (code === 'no_current_card') {
			expect(s.current).toBeNull();
		} else if (code === 'already_current') {
			expect(action).toEqual({ type: 'deal', cardId: s.current });
		} else {
			throw new Error(`unexpected refusal ${code}`);
		}
	}

	checkInvariants(): void {
		const all = deckCards(this.state);
		expect(new Set(all).size).toBe(all.length);
		expect(all).toEqual(this.cards);
		expect(this.state.version).toBe(this.stats.applied);
		expect(DeckState.safeParse(this.state).success).toBe(true);
	}
}

/** Every phone that saw the same version clicks at once: at most one of them may win. */
function burst(table: Table, phones: Phone[], rng: () => number, universe: string[]): void {
	const version = table.state.version;
	for (const p of phones) {
		p.seen = version;
	}
	let wins = 0;
	for (const p of phones) {
		if (table.click(p, randomAction(rng, universe))) {
			wins++;
		}
	}
	expect(wins).toBeLessThanOrEqual(1);
	table.stats.bursts++;
}

function run(seed: number): Stats {
	const rng = mulberry32(seed);
	const n = Math.floor(rng() * 13);
	const universe = Array.from({ length: n + 3 }, (_, i) => `card-${i}`);
	const table = new Table(universe.slice(0, n), rng);
	const phones: Phone[] = Array.from({ length: 2 + Math.floor(rng() * 4) }, () => ({ seen: 0 }));
	for (let i = 0; i < STEPS; i++) {
		const r = rng();
		const phone = pick(rng, phones);
		if (r < 0.6) {
			table.click(phone, randomAction(rng, universe));
		} else if (r < 0.85) {
			phone.seen = table.state.version;
		} // a broadcast reaches this phone
		else {
			burst(table, phones, rng, universe);
		}
		table.checkInvariants();
	}
	return table.stats;
}

describe('deck under concurrent clicks (seeded property test)', () => {
	it('never duplicates or loses a card, and versions rise by one per applied action', () => {
		const total: Stats = { applied: 0, stale: 0, refused: 0, bursts: 0 };
		for (let seed = 1; seed <= RUNS; seed++) {
			const s = run(seed);
			for (const key of Object.keys(total) as (keyof Stats)[]) {
				total[key] += s[key];
			}
		}
		// The simulation must actually exercise every path, not pass vacuously.
		expect(total.applied).toBeGreaterThan(5000);
		expect(total.stale).toBeGreaterThan(2000);
		expect(total.refused).toBeGreaterThan(500);
		expect(total.bursts).toBeGreaterThan(1000);
	});
});
