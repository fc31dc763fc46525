import { describe, expect, it } from 'vitest';
import { competitionRanks, orderByScore, ratio } from './ranks';

describe('competitionRanks', () => {
	it('gives tied scores the same rank and skips the next', () => {
		expect(competitionRanks([3, 5, 5, 1])).toEqual([3, 1, 1, 4]);
	});

	it('ranks all-equal and empty input', () => {
		expect(competitionRanks([0, 0, 0])).toEqual([1, 1, 1]);
		expect(competitionRanks([])).toEqual([]);
	});

	it('treats float noise from weighted sums as a tie', () => {
		expect(competitionRanks([0.1 + 0.2, 0.3, 0.29])).toEqual([1, 1, 3]);
	});

	it('still separates genuinely different large numbers', () => {
		expect(competitionRanks([1_000_000, 1_000_001])).toEqual([2, 1]);
	});
});

describe('orderByScore', () => {
	it('orders best first and keeps ties in original order', () => {
		expect(orderByScore([2, 7, 2, 7, 0])).toEqual([1, 3, 0, 2, 4]);
	});
});

describe('ratio', () => {
	it('is 0 when there is nothing to divide by', () => {
		expect(ratio(0, 0)).toBe(0);
		expect(ratio(3, 4)).toBe(0.75);
	});
});
