import { describe, expect, it } from 'vitest';
import { combineScale, MAX_SCALE_STEPS, scaleSteps, tallyScale, validateScale } from './scale';
import { scale } from './test-ballots';
import type { VoteValue } from './types';

const vote = (value: number): VoteValue => ({ kind: 'scale', value });
const votes = (...values: number[]) => values.map(vote);
const message = (check: ReturnType<typeof validateScale>) => (check.ok ? null : check.message);

describe('validateScale', () => {
	it('accepts every whole step from min to max, inclusive', () => {
		for (const v of [1, 2, 3, 4, 5]) {
			expect(validateScale(scale(), vote(v))).toEqual({ ok: true, value: vote(v) });
		}
	});

	it.each([0, 6, 2.5, Number.NaN, Number.POSITIVE_INFINITY, -0.5])('rejects %s', (v) => {
		expect(message(validateScale(scale(), vote(v)))).toBe('Velg en verdi fra 1 til 5.');
	});

	it('works with negative ranges', () => {
		expect(validateScale(scale(-3, 3), vote(-3)).ok).toBe(true);
		expect(message(validateScale(scale(-3, 3), vote(-4)))).toBe('Velg en verdi fra -3 til 3.');
	});

	it('rejects every vote on a scale with fewer than 2 or too many steps', () => {
		expect(message(validateScale(scale(5, 1), vote(3)))).toMatch(/satt opp feil/);
		expect(validateScale(scale(3, 3), vote(3)).ok).toBe(false);
		expect(validateScale(scale(0, MAX_SCALE_STEPS), vote(1)).ok).toBe(false);
		expect(validateScale(scale(0, MAX_SCALE_STEPS - 1), vote(1)).ok).toBe(true);
		expect(scaleSteps(scale(-(2 ** 52), 2 ** 52))).toBeNull();
	});

	it('rejects another kind', () => {
		expect(validateScale(scale(), { kind: 'single', optionId: 'a' }).ok).toBe(false);
	});
});

describe('tallyScale', () => {
	it('gives the distribution over every step, mean and median', () => {
		const tally = tallyScale(scale(), votes(1, 2, 2, 5, 5));
		expect(tally).toEqual({
			kind: 'scale',
			voters: 5,
			skipped: 0,
			steps: [
				{ value: 1, count: 1, share: 0.2 },
				{ value: 2, count: 2, share: 0.4 },
				{ value: 3, count: 0, share: 0 },
				{ value: 4, count: 0, share: 0 },
				{ value: 5, count: 2, share: 0.4 }
			],
			mean: 3,
			median: 2
		});
	});

	it('takes the midpoint of the two middle answers for an even count', () => {
		expect(tallyScale(scale(), votes(1, 4)).median).toBe(2.5);
		expect(tallyScale(scale(), votes(1, 1, 3, 5)).median).toBe(2);
		expect(tallyScale(scale(), votes(2, 2, 2, 2)).median).toBe(2);
		expect(tallyScale(scale(), votes(1, 5, 5, 5)).median).toBe(5);
	});

	it('handles a single vote and negative values', () => {
		expect(tallyScale(scale(), votes(4))).toMatchObject({ mean: 4, median: 4 });
		expect(tallyScale(scale(-2, 2), votes(-2, -1, 2))).toMatchObject({ mean: -1 / 3, median: -1 });
	});

	it('gives null mean and median for an empty poll', () => {
		const tally = tallyScale(scale(), []);
		expect(tally).toMatchObject({ voters: 0, mean: null, median: null });
		expect(tally.steps.every((s) => s.count === 0 && s.share === 0)).toBe(true);
	});

	it('skips invalid values', () => {
		expect(tallyScale(scale(), votes(0, 3, 9, 1.5))).toMatchObject({
			voters: 1,
			skipped: 3,
			mean: 3
		});
	});

	it('has no steps on a misconfigured scale', () => {
		expect(tallyScale(scale(5, 1), votes(3))).toMatchObject({ voters: 0, skipped: 1, steps: [] });
	});
});

describe('combineScale', () => {
	it('with weight 1 equals tallying all votes together', () => {
		const ballot = scale(0, 10);
		const a = votes(0, 10, 7);
		const b = votes(3, 3, 11);
		const parts = [a, b].map((values) => ({ tally: tallyScale(ballot, values), weight: 1 }));
		expect(combineScale(ballot, parts)).toEqual(tallyScale(ballot, [...a, ...b]));
	});

	it('averages means and finds the weighted median when regions weigh the same', () => {
		const ballot = scale();
		const big = tallyScale(ballot, votes(1, 1, 1, 1, 1, 1));
		const small = tallyScale(ballot, votes(5, 5));
		const equal = combineScale(ballot, [
			{ tally: big, weight: 4 / (2 * 6) },
			{ tally: small, weight: 4 / (2 * 2) }
		]);
		expect(equal.voters).toBeCloseTo(4);
		expect(equal.mean).toBeCloseTo(3);
		expect(equal.median).toBeCloseTo(3);
		expect(equal.steps[0]!.share).toBeCloseTo(0.5);
	});
});
