import { describe, expect, it } from 'vitest';
import { combineSingle, tallySingle, validateSingle } from './single';
import { single } from './test-ballots';
import type { VoteValue } from './types';

const vote = (optionId: string): VoteValue => ({ kind: 'single', optionId });

describe('validateSingle', () => {
	const ballot = single();

	it('accepts an existing option', () => {
		expect(validateSingle(ballot, vote('b'))).toEqual({ ok: true, value: vote('b') });
	});

	it('rejects an unknown option', () => {
		expect(validateSingle(ballot, vote('z'))).toEqual({
			ok: false,
			code: 'invalid_vote',
			message: 'Velg ett av alternativene.'
		});
	});

	it('rejects a vote of another kind', () => {
		const check = validateSingle(ballot, { kind: 'multiple', optionIds: ['a'] });
		expect(check).toMatchObject({ ok: false, code: 'invalid_vote' });
	});

	it('returns a fresh value without extra fields', () => {
		const input = { kind: 'single', optionId: 'a', extra: 1 } as VoteValue;
		expect(validateSingle(ballot, input)).toEqual({ ok: true, value: vote('a') });
	});
});

describe('tallySingle', () => {
	const ballot = single();

	it('counts an empty poll as zero everywhere', () => {
		expect(tallySingle(ballot, [])).toEqual({
			kind: 'single',
			voters: 0,
			skipped: 0,
			options: [
				{ optionId: 'a', count: 0, share: 0, rank: 1 },
				{ optionId: 'b', count: 0, share: 0, rank: 1 },
				{ optionId: 'c', count: 0, share: 0, rank: 1 }
			]
		});
	});

	it('counts votes, shares and ranks, in ballot order', () => {
		const tally = tallySingle(ballot, [vote('c'), vote('a'), vote('c'), vote('c')]);
		expect(tally.voters).toBe(4);
		expect(tally.options).toEqual([
			{ optionId: 'a', count: 1, share: 0.25, rank: 2 },
			{ optionId: 'b', count: 0, share: 0, rank: 3 },
			{ optionId: 'c', count: 3, share: 0.75, rank: 1 }
		]);
	});

	it('reports ties with a shared rank', () => {
		const tally = tallySingle(ballot, [vote('b'), vote('a'), vote('b'), vote('a')]);
		expect(tally.options.map((o) => o.rank)).toEqual([1, 1, 3]);
	});

	it('skips invalid votes and does not count them as voters', () => {
		const tally = tallySingle(ballot, [vote('a'), vote('gone'), { kind: 'scale', value: 1 }]);
		expect(tally).toMatchObject({ voters: 1, skipped: 2 });
		expect(tally.options[0]).toMatchObject({ count: 1, share: 1 });
	});
});

describe('combineSingle', () => {
	const ballot = single();
	const north = tallySingle(ballot, [vote('a'), vote('a'), vote('b')]);
	const south = tallySingle(ballot, [vote('b'), vote('gone')]);

	it('with weight 1 equals tallying all votes together', () => {
		const combined = combineSingle(ballot, [
			{ tally: north, weight: 1 },
			{ tally: south, weight: 1 }
		]);
		const together = tallySingle(ballot, [
			vote('a'),
			vote('a'),
			vote('b'),
			vote('b'),
			vote('gone')
		]);
		expect(combined).toEqual(together);
	});

	it('scales counts and voters by weight; skipped stay as cast', () => {
		const combined = combineSingle(ballot, [
			{ tally: north, weight: 0.5 },
			{ tally: south, weight: 3 }
		]);
		expect(combined.voters).toBe(4.5);
		expect(combined.skipped).toBe(1);
		expect(combined.options[1]).toMatchObject({ count: 3.5, share: 3.5 / 4.5, rank: 1 });
	});

	it('gives an empty tally for no parts', () => {
		expect(combineSingle(ballot, [])).toEqual(tallySingle(ballot, []));
	});

	it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('throws on weight %s', (weight) => {
		expect(() => combineSingle(ballot, [{ tally: north, weight }])).toThrow(RangeError);
	});
});
