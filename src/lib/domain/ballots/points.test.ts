import { describe, expect, it } from 'vitest';
import { combinePoints, tallyPoints, validatePoints } from './points';
import { points } from './test-ballots';
import type { VoteValue } from './types';

const vote = (given: Record<string, number>): VoteValue => ({ kind: 'points', points: given });
const message = (check: ReturnType<typeof validatePoints>) => (check.ok ? null : check.message);

describe('validatePoints', () => {
	it('accepts up to the budget, drops zeros and lists options in ballot order', () => {
		const check = validatePoints(points(10), vote({ c: 4, b: 0, a: 6 }));
		expect(check).toEqual({ ok: true, value: vote({ a: 6, c: 4 }) });
		expect(Object.keys(check.ok ? check.value.points : {})).toEqual(['a', 'c']);
	});

	it('does not require the whole budget to be spent', () => {
		expect(validatePoints(points(10), vote({ b: 1 })).ok).toBe(true);
	});

	it('rejects more than the budget', () => {
		expect(message(validatePoints(points(10), vote({ a: 6, b: 5 })))).toBe(
			'Du har bare 10 poeng å dele ut.'
		);
		expect(message(validatePoints(points(1), vote({ a: 2 })))).toBe(
			'Du har bare ett poeng å dele ut.'
		);
	});

	it('rejects a vote with no points at all', () => {
		expect(message(validatePoints(points(10), vote({})))).toBe('Gi minst ett poeng.');
		expect(message(validatePoints(points(10), vote({ a: 0, b: 0 })))).toBe('Gi minst ett poeng.');
	});

	it('enforces the per-option cap, inclusive', () => {
		expect(validatePoints(points(10, 4), vote({ a: 4, b: 4, c: 2 })).ok).toBe(true);
		expect(message(validatePoints(points(10, 4), vote({ a: 5 })))).toBe(
			'Du kan gi høyst 4 poeng til hvert alternativ.'
		);
	});

	it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('rejects %s points', (n) => {
		expect(message(validatePoints(points(10), vote({ a: n })))).toBe(
			'Poeng må være hele tall fra 0 og oppover.'
		);
	});

	it('rejects unknown options, including prototype keys', () => {
		expect(message(validatePoints(points(10), vote({ a: 1, x: 1 })))).toBe(
			'Poengene gjelder et ukjent alternativ.'
		);
		const sneaky = JSON.parse('{"kind":"points","points":{"__proto__":1,"a":1}}') as VoteValue;
		expect(validatePoints(points(10), sneaky).ok).toBe(false);
		expect(validatePoints(points(10), vote({ constructor: 1 })).ok).toBe(false);
	});

	it('rejects another kind', () => {
		expect(validatePoints(points(10), { kind: 'scale', value: 3 }).ok).toBe(false);
	});
});

describe('tallyPoints', () => {
	const ballot = points(10, 10);

	it('sums points per option with mean per voter and share of all points', () => {
		const tally = tallyPoints(ballot, [vote({ a: 6, b: 4 }), vote({ a: 10 }), vote({ c: 2 })]);
		expect(tally.voters).toBe(3);
		expect(tally.totalPoints).toBe(22);
		expect(tally.options).toEqual([
			{ optionId: 'a', sum: 16, mean: 16 / 3, share: 16 / 22, rank: 1 },
			{ optionId: 'b', sum: 4, mean: 4 / 3, share: 4 / 22, rank: 2 },
			{ optionId: 'c', sum: 2, mean: 2 / 3, share: 2 / 22, rank: 3 }
		]);
	});

	it('reports ties with a shared rank', () => {
		const tally = tallyPoints(ballot, [vote({ a: 5, c: 5 })]);
		expect(tally.options.map((o) => o.rank)).toEqual([1, 3, 1]);
	});

	it('handles an empty poll', () => {
		const tally = tallyPoints(ballot, []);
		expect(tally).toMatchObject({ voters: 0, skipped: 0, totalPoints: 0 });
		expect(tally.options.every((o) => o.sum === 0 && o.mean === 0 && o.share === 0)).toBe(true);
	});

	it('skips invalid votes', () => {
		const tally = tallyPoints(ballot, [vote({ a: 11 }), vote({}), vote({ b: 3 })]);
		expect(tally).toMatchObject({ voters: 1, skipped: 2, totalPoints: 3 });
	});
});

describe('combinePoints', () => {
	it('with weight 1 equals tallying all votes together', () => {
		const ballot = points(5);
		const a = [vote({ a: 5 }), vote({ b: 2, c: 3 })];
		const b = [vote({ c: 1 }), vote({ a: 6 })];
		const parts = [a, b].map((values) => ({ tally: tallyPoints(ballot, values), weight: 1 }));
		expect(combinePoints(ballot, parts)).toEqual(tallyPoints(ballot, [...a, ...b]));
	});
});
