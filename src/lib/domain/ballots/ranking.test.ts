import { describe, expect, it } from 'vitest';
import { combineRanking, rankedCount, tallyRanking, validateRanking } from './ranking';
import { ranking } from './test-ballots';
import type { VoteValue } from './types';

const vote = (...ids: string[]): VoteValue => ({ kind: 'ranking', ranking: ids });
const message = (check: ReturnType<typeof validateRanking>) => (check.ok ? null : check.message);

describe('validateRanking', () => {
	it('accepts a full ranking and keeps its order', () => {
		expect(validateRanking(ranking(), vote('d', 'b', 'a', 'c'))).toEqual({
			ok: true,
			value: vote('d', 'b', 'a', 'c')
		});
	});

	it('requires all options without topK', () => {
		expect(message(validateRanking(ranking(), vote('a', 'b', 'c')))).toBe(
			'Ranger alle de 4 alternativene.'
		);
		expect(message(validateRanking(ranking(), vote()))).toBe('Ranger alle de 4 alternativene.');
	});

	it('requires exactly topK with topK', () => {
		expect(validateRanking(ranking(2), vote('c', 'a')).ok).toBe(true);
		expect(message(validateRanking(ranking(2), vote('c')))).toBe('Ranger nøyaktig 2 alternativer.');
		expect(message(validateRanking(ranking(2), vote('c', 'a', 'b')))).toBe(
			'Ranger nøyaktig 2 alternativer.'
		);
		expect(message(validateRanking(ranking(1), vote()))).toBe('Ranger nøyaktig ett alternativ.');
	});

	it('treats topK beyond the number of options as all', () => {
		expect(rankedCount(ranking(9))).toBe(4);
		expect(validateRanking(ranking(9), vote('a', 'b', 'c', 'd')).ok).toBe(true);
	});

	it('rejects duplicates and unknown options before counting', () => {
		expect(message(validateRanking(ranking(), vote('a', 'a', 'b', 'c')))).toBe(
			'Hvert alternativ kan bare rangeres én gang.'
		);
		expect(message(validateRanking(ranking(2), vote('a', 'q')))).toBe(
			'Rangeringen inneholder et ukjent alternativ.'
		);
	});

	it('rejects another kind', () => {
		expect(validateRanking(ranking(), { kind: 'multiple', optionIds: ['a'] }).ok).toBe(false);
	});
});

describe('tallyRanking', () => {
	it('gives m − 1 − i Borda points for position i and counts first preferences', () => {
		const tally = tallyRanking(ranking(), [vote('a', 'b', 'c', 'd'), vote('b', 'a', 'd', 'c')]);
		expect(tally.voters).toBe(2);
		expect(tally.options).toEqual([
			{ optionId: 'a', borda: 5, bordaMean: 2.5, firstPreferences: 1, firstShare: 0.5, rank: 1 },
			{ optionId: 'b', borda: 5, bordaMean: 2.5, firstPreferences: 1, firstShare: 0.5, rank: 1 },
			{ optionId: 'c', borda: 1, bordaMean: 0.5, firstPreferences: 0, firstShare: 0, rank: 3 },
			{ optionId: 'd', borda: 1, bordaMean: 0.5, firstPreferences: 0, firstShare: 0, rank: 3 }
		]);
		expect(tally.order).toEqual(['a', 'b', 'c', 'd']);
	});

	it('scores top-K against all options; unranked get 0', () => {
		const tally = tallyRanking(ranking(2), [vote('c', 'd'), vote('d', 'c'), vote('d', 'a')]);
		expect(tally.options.map((o) => o.borda)).toEqual([2, 0, 5, 8]);
		expect(tally.options.map((o) => o.firstPreferences)).toEqual([0, 0, 1, 2]);
		expect(tally.order).toEqual(['d', 'c', 'a', 'b']);
	});

	it('orders ties by ballot order, not by first preferences', () => {
		const tally = tallyRanking(ranking(), [
			vote('b', 'd', 'c', 'a'),
			vote('c', 'a', 'd', 'b'),
			vote('d', 'a', 'b', 'c')
		]);
		expect(tally.options.map((o) => o.borda)).toEqual([4, 4, 4, 6]);
		expect(tally.options.map((o) => o.firstPreferences)).toEqual([0, 1, 1, 1]);
		expect(tally.options.map((o) => o.rank)).toEqual([2, 2, 2, 1]);
		expect(tally.order).toEqual(['d', 'a', 'b', 'c']);
	});

	it('reports a full cycle as a three-way tie', () => {
		const tally = tallyRanking(ranking(undefined, ['a', 'b', 'c']), [
			vote('a', 'b', 'c'),
			vote('b', 'c', 'a'),
			vote('c', 'a', 'b')
		]);
		expect(tally.options.map((o) => o.rank)).toEqual([1, 1, 1]);
		expect(tally.order).toEqual(['a', 'b', 'c']);
	});

	it('handles an empty poll', () => {
		const tally = tallyRanking(ranking(), []);
		expect(tally).toMatchObject({ voters: 0, skipped: 0, order: ['a', 'b', 'c', 'd'] });
		expect(tally.options.every((o) => o.bordaMean === 0 && o.firstShare === 0)).toBe(true);
	});

	it('skips invalid rankings', () => {
		const tally = tallyRanking(ranking(2), [
			vote('a'),
			vote('a', 'a'),
			vote('x', 'a'),
			vote('b', 'a')
		]);
		expect(tally).toMatchObject({ voters: 1, skipped: 3, order: ['b', 'a', 'c', 'd'] });
	});
});

describe('combineRanking', () => {
	it('with weight 1 equals tallying all votes together', () => {
		const ballot = ranking(3);
		const a = [vote('a', 'b', 'c'), vote('d', 'c', 'b')];
		const b = [vote('c', 'd', 'a'), vote('a')];
		const parts = [a, b].map((values) => ({ tally: tallyRanking(ballot, values), weight: 1 }));
		expect(combineRanking(ballot, parts)).toEqual(tallyRanking(ballot, [...a, ...b]));
	});

	it('reorders by weighted points', () => {
		const ballot = ranking(1);
		const a = tallyRanking(ballot, [vote('a'), vote('a'), vote('a')]);
		const b = tallyRanking(ballot, [vote('b')]);
		const equal = combineRanking(ballot, [
			{ tally: a, weight: 1 / 3 },
			{ tally: b, weight: 1 }
		]);
		expect(equal.order.slice(0, 2)).toEqual(['a', 'b']);
		expect(equal.options.slice(0, 2).map((o) => o.rank)).toEqual([1, 1]);
		expect(equal.options[0]!.firstShare).toBeCloseTo(0.5);
	});
});
