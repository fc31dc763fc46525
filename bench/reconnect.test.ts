import { describe, expect, it } from 'vitest';
import { staleParts } from './reconnect';

const shown = { polls: 'p1 open, p2 draft', deckVersion: 4 };

describe('staleParts: what a phone back from a drop shows wrongly', () => {
	it('finds nothing when it shows what a phone that stayed shows, and every vote', () => {
		expect(staleParts({ ...shown }, shown, 0)).toEqual([]);
		expect(
			staleParts({ polls: '', deckVersion: null }, { polls: '', deckVersion: null }, 0)
		).toEqual([]);
	});

	it('finds a question opened or closed while it was away', () => {
		expect(staleParts({ ...shown, polls: 'p1 open, p2 open' }, shown, 0)).toEqual(['polls']);
	});

	it('finds an older deck, or a deck where the other phone has none', () => {
		expect(staleParts({ ...shown, deckVersion: 3 }, shown, 0)).toEqual(['deck']);
		expect(staleParts({ ...shown, deckVersion: null }, shown, 0)).toEqual(['deck']);
	});

	it('finds its own acknowledged votes missing, with anything else wrong', () => {
		expect(staleParts(shown, shown, 1)).toEqual(['votes']);
		expect(staleParts({ polls: '', deckVersion: 1 }, shown, 2)).toEqual(['polls', 'deck', 'votes']);
	});
});
