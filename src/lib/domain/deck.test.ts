import { describe, expect, it } from 'vitest';
import { deckCards, deckView, DeckState, filterByTheme, newDeck, shuffle } from './deck';
import { mulberry32 } from './test-utils';

const identity = () => 0.999999; // Fisher–Yates with j = i keeps the order
const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i + 1}`);

function deck(partial: Partial<DeckState> = {}): DeckState {
	const base = { version: 3, pile: [], current: null, discussed: [], skipped: 0, themeId: null };
	return { ...base, ...partial };
}

describe('shuffle', () => {
	it('keeps every item exactly once and does not mutate its input', () => {
		const input = Object.freeze(ids(50));
		const out = shuffle(input, mulberry32(1));
		expect(out).not.toEqual(input);
		expect([...out].sort()).toEqual([...input].sort());
	});

	it('is deterministic for a seeded rng and keeps order when j = i', () => {
		expect(shuffle(ids(20), mulberry32(7))).toEqual(shuffle(ids(20), mulberry32(7)));
		expect(shuffle(ids(5), identity)).toEqual(ids(5));
	});

	it('reverses-by-rotation when rng always returns 0', () => {
		// i=3 swaps 0,3; i=2 swaps 0,2; i=1 swaps 0,1: [a,b,c,d] -> [b,c,d,a]
		expect(shuffle(['a', 'b', 'c', 'd'], () => 0)).toEqual(['b', 'c', 'd', 'a']);
	});

	it('is roughly uniform', () => {
		const rng = mulberry32(42);
		const counts = new Map<string, number>();
		for (let n = 0; n < 60000; n++) {
			const key = shuffle(['a', 'b', 'c'], rng).join('');
			counts.set(key, (counts.get(key) ?? 0) + 1);
		}
		expect(counts.size).toBe(6);
		for (const c of counts.values()) {
			expect(Math.abs(c - 10000)).toBeLessThan(500);
		}
	});

	it('rejects an rng outside [0, 1)', () => {
		expect(() => shuffle(ids(3), () => 1)).toThrow(RangeError);
		expect(() => shuffle(ids(3), () => -0.1)).toThrow(RangeError);
		expect(() => shuffle(ids(3), () => NaN)).toThrow(RangeError);
		expect(shuffle(['only'], () => 1)).toEqual(['only']); // rng never called
	});
});

describe('newDeck', () => {
	it('starts at version 0 with the shuffled cards in the pile', () => {
		const d = newDeck(ids(10), mulberry32(3), 'okonomi');
		expect(d).toMatchObject({ version: 0, current: null, discussed: [], skipped: 0 });
		expect(d.themeId).toBe('okonomi');
		expect(deckCards(d)).toEqual(ids(10).sort());
		expect(DeckState.safeParse(d).success).toBe(true);
	});

	it('drops duplicate ids and defaults to no theme', () => {
		const d = newDeck(['a', 'b', 'a', 'c', 'b'], identity);
		expect(d.pile).toEqual(['a', 'b', 'c']);
		expect(d.themeId).toBeNull();
	});

	it('accepts an empty card list', () => {
		expect(newDeck([], mulberry32(1)).pile).toEqual([]);
	});
});

describe('DeckState schema', () => {
	it('rejects a card that appears twice', () => {
		expect(DeckState.safeParse(deck({ pile: ['a'], current: 'a' })).success).toBe(false);
		expect(DeckState.safeParse(deck({ pile: ['a'], discussed: ['a'] })).success).toBe(false);
	});

	it('rejects malformed rows', () => {
		expect(DeckState.safeParse({ ...deck(), version: -1 }).success).toBe(false);
		expect(DeckState.safeParse({ ...deck(), version: 1.5 }).success).toBe(false);
		expect(DeckState.safeParse({ ...deck(), pile: [''] }).success).toBe(false);
		expect(DeckState.safeParse({ ...deck(), skipped: undefined }).success).toBe(false);
	});
});

describe('deckCards and deckView', () => {
	it('deckCards lists pile, current and discussed as a sorted multiset', () => {
		expect(deckCards(deck({ pile: ['c', 'a'], current: 'd', discussed: ['b'] }))).toEqual([
			'a',
			'b',
			'c',
			'd'
		]);
		expect(deckCards(deck())).toEqual([]);
	});

	it('deckView hides the order of the pile', () => {
		const view = deckView(deck({ pile: ['c', 'a'], current: 'd', discussed: ['b'] }));
		expect(view).toEqual({
			version: 3,
			current: 'd',
			discussed: ['b'],
			skipped: 0,
			themeId: null,
			remaining: 2
		});
		expect('pile' in view).toBe(false);
	});
});

describe('filterByTheme', () => {
	const cards = [
		{ id: 'a', themeId: 'klima' },
		{ id: 'b', themeId: 'helse' },
		{ id: 'c', themeId: 'klima' },
		{ id: 'd', themeId: null },
		{ id: 'e' }
	];

	it('keeps only the cards of the theme, in order', () => {
		expect(filterByTheme(cards, 'klima').map((c) => c.id)).toEqual(['a', 'c']);
		expect(filterByTheme(cards, 'helse').map((c) => c.id)).toEqual(['b']);
		expect(filterByTheme(cards, 'ukjent')).toEqual([]);
	});

	it('keeps every card when no theme is chosen, as a new array', () => {
		const all = filterByTheme(cards, null);
		expect(all).toEqual(cards);
		expect(all).not.toBe(cards);
	});
});
