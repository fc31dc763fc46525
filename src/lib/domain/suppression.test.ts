import { describe, expect, it } from 'vitest';
import { tallyVotes } from './ballots';
import { single, text } from './ballots/test-ballots';
import type { Ballot } from './ballots/types';
import { unitsToWithhold } from './suppression';

const unit = (id: string, voters: number, ballot: Ballot = single()) => ({
	id,
	tally: tallyVotes(
		ballot,
		Array.from({ length: voters }, () =>
			ballot.kind === 'text' ? { kind: 'text', text: 'x' } : { kind: 'single', optionId: 'a' }
		)
	)
});
const withheld = (...units: ReturnType<typeof unit>[]) => [...unitsToWithhold(units, 5)].sort();

describe('unitsToWithhold', () => {
	it('withholds nothing when every unit is large enough', () => {
		expect(withheld(unit('a', 5), unit('b', 30))).toEqual([]);
	});

	it('withholds small units and, if they add up to under minGroup, the smallest other', () => {
		expect(withheld(unit('a', 2), unit('b', 30), unit('c', 8), unit('d', 9))).toEqual(['a', 'c']);
	});

	it('breaks ties between the smallest shown units by id', () => {
		expect(withheld(unit('z', 6), unit('m', 6), unit('a', 1))).toEqual(['a', 'm']);
	});

	it('needs no complementary suppression when the small units add up to minGroup', () => {
		expect(withheld(unit('a', 2), unit('b', 3), unit('c', 40))).toEqual(['a', 'b']);
	});

	it('treats empty units as harmless', () => {
		expect(withheld(unit('a', 0), unit('b', 12))).toEqual(['a']);
	});

	it('withholds everything if nothing is large enough', () => {
		expect(withheld(unit('a', 1), unit('b', 2))).toEqual(['a', 'b']);
	});

	it('never withholds text counts', () => {
		expect(withheld(unit('a', 1, text()), unit('b', 9, text()))).toEqual([]);
	});

	it('handles no units', () => {
		expect(withheld()).toEqual([]);
	});
});
