import { describe, expect, it } from 'vitest';
import { applyDeckAction, deckCards, DeckState, type DeckAction, type DeckResult } from './deck';
import { deepFreeze } from './test-utils';

const identity = () => 0.999999; // Fisher–Yates with j = i keeps the order

function deck(partial: Partial<DeckState> = {}): DeckState {
	const base = { version: 3, pile: [], current: null, discussed: [], skipped: 0, themeId: null };
	return { ...base, ...partial };
}

function okState(result: DeckResult): DeckState {
	if (!result.ok) {
		throw new Error(`expected ok, got ${result.code}`);
	}
	return result.state;
}

describe('applyDeckAction', () => {
	it('draw takes the top card', () => {
		const s = okState(applyDeckAction(deck({ pile: ['a', 'b'] }), { type: 'draw' }, 3));
		expect(s).toMatchObject({ version: 4, pile: ['b'], current: 'a', skipped: 0 });
	});

	it('draw over an undiscussed card sets it aside like skip', () => {
		const before = deck({ pile: ['b', 'c'], current: 'a' });
		const drawn = okState(applyDeckAction(before, { type: 'draw' }, 3));
		const skipped = okState(applyDeckAction(before, { type: 'skip' }, 3));
		expect(drawn).toEqual(skipped);
		expect(drawn).toMatchObject({ pile: ['c', 'a'], current: 'b', skipped: 1 });
	});

	it('draw on an empty pile fails with empty_pile', () => {
		const r = applyDeckAction(deck({ discussed: ['a'] }), { type: 'draw' }, 3);
		expect(r).toMatchObject({ ok: false, code: 'empty_pile' });
	});

	it('skip puts the current card under the pile and counts it', () => {
		const s = okState(applyDeckAction(deck({ pile: ['b'], current: 'a' }), { type: 'skip' }, 3));
		expect(s).toMatchObject({ version: 4, pile: ['a'], current: 'b', skipped: 1 });
	});

	it('skip without a current card fails with no_current_card', () => {
		const r = applyDeckAction(deck({ pile: ['a'] }), { type: 'skip' }, 3);
		expect(r).toMatchObject({ ok: false, code: 'no_current_card' });
	});

	it('skip and draw on the last card fail with empty_pile', () => {
		const last = deck({ current: 'a', discussed: ['b'] });
		expect(applyDeckAction(last, { type: 'skip' }, 3)).toMatchObject({ code: 'empty_pile' });
		expect(applyDeckAction(last, { type: 'draw' }, 3)).toMatchObject({ code: 'empty_pile' });
	});

	it('discuss marks the current card discussed and clears the table', () => {
		const before = deck({ pile: ['c'], current: 'b', discussed: ['a'] });
		const s = okState(applyDeckAction(before, { type: 'discuss' }, 3));
		expect(s).toMatchObject({ version: 4, pile: ['c'], current: null, discussed: ['a', 'b'] });
	});

	it('discuss without a current card fails with no_current_card', () => {
		const r = applyDeckAction(deck({ pile: ['a'] }), { type: 'discuss' }, 3);
		expect(r).toMatchObject({ ok: false, code: 'no_current_card' });
	});

	describe('deal', () => {
		const deal = (cardId: string): DeckAction => ({ type: 'deal', cardId });

		it('takes the card out of the pile', () => {
			const s = okState(applyDeckAction(deck({ pile: ['a', 'b', 'c'] }), deal('b'), 3));
			expect(s).toMatchObject({ version: 4, pile: ['a', 'c'], current: 'b' });
		});

		it('puts the replaced card under the pile without counting a skip', () => {
			const s = okState(applyDeckAction(deck({ pile: ['b', 'c'], current: 'a' }), deal('c'), 3));
			expect(s).toMatchObject({ pile: ['b', 'a'], current: 'c', skipped: 0 });
		});

		it('brings back a discussed card', () => {
			const s = okState(
				applyDeckAction(deck({ pile: ['c'], discussed: ['a', 'b'] }), deal('a'), 3)
			);
			expect(s).toMatchObject({ pile: ['c'], current: 'a', discussed: ['b'] });
		});

		it('adds a card that was not in the deck', () => {
			const s = okState(applyDeckAction(deck({ pile: ['a'], current: 'b' }), deal('x'), 3));
			expect(s).toMatchObject({ pile: ['a', 'b'], current: 'x' });
			expect(deckCards(s)).toEqual(['a', 'b', 'x']);
		});

		it('fails with already_current for the card on the table', () => {
			const r = applyDeckAction(deck({ current: 'a' }), deal('a'), 3);
			expect(r).toMatchObject({ ok: false, code: 'already_current' });
		});
	});

	it('reshuffle replaces the deck and resets progress, keeping the version sequence', () => {
		const before = deck({ pile: ['a'], current: 'b', discussed: ['c'], skipped: 4, themeId: 't1' });
		const action: DeckAction = {
			type: 'reshuffle',
			cardIds: ['x', 'y', 'z', 'y'],
			rng: identity,
			themeId: 't2'
		};
		const s = okState(applyDeckAction(before, action, 3));
		expect(s).toEqual({
			version: 4,
			pile: ['x', 'y', 'z'],
			current: null,
			discussed: [],
			skipped: 0,
			themeId: 't2'
		});
	});

	it('rejects a stale version before looking at the action, for every action', () => {
		const state = deck({ pile: ['a'], current: 'b' });
		const actions: DeckAction[] = [
			{ type: 'draw' },
			{ type: 'skip' },
			{ type: 'discuss' },
			{ type: 'deal', cardId: 'a' },
			{ type: 'reshuffle', cardIds: ['q'], rng: identity, themeId: null }
		];
		for (const action of actions) {
			for (const v of [2, 4, 0, -1]) {
				const r = applyDeckAction(state, action, v);
				expect(r).toMatchObject({ ok: false, code: 'stale_version' });
			}
		}
		expect(applyDeckAction(deck(), { type: 'draw' }, 2)).toMatchObject({ code: 'stale_version' });
	});

	it('gives every error a short Norwegian message', () => {
		const errors = [
			applyDeckAction(deck(), { type: 'draw' }, 0),
			applyDeckAction(deck(), { type: 'draw' }, 3),
			applyDeckAction(deck(), { type: 'skip' }, 3),
			applyDeckAction(deck({ current: 'a' }), { type: 'deal', cardId: 'a' }, 3)
		];
		for (const e of errors) {
			expect(e.ok).toBe(false);
			if (!e.ok) {
				expect(e.message.length).toBeGreaterThan(10);
			}
			if (!e.ok) {
				expect(e.message.length).toBeLessThan(80);
			}
		}
	});

	it('never mutates its input', () => {
		const state = deepFreeze(deck({ pile: ['b', 'c'], current: 'a', discussed: ['d'] }));
		const snapshot = structuredClone(state);
		for (const type of ['draw', 'skip', 'discuss'] as const) {
			applyDeckAction(state, { type }, 3);
		}
		applyDeckAction(state, { type: 'deal', cardId: 'c' }, 3);
		expect(state).toEqual(snapshot);
	});

	it('produces states that survive a JSON round trip through the schema', () => {
		const s = okState(applyDeckAction(deck({ pile: ['a', 'b'] }), { type: 'draw' }, 3));
		expect(DeckState.parse(JSON.parse(JSON.stringify(s)))).toEqual(s);
	});
});
