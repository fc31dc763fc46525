import { describe, expect, it } from 'vitest';
import { single, text } from './ballots/test-ballots';
import { rollup } from './rollup';
import { cast, pick, shares } from './rollup.fixtures';

// r1: c1 has 6 a + 4 b, c2 has 5 a; r2: c3 has 2 a + 8 b.
const votes = [
	...cast('c1', 'r1', 6, pick('a')),
	...cast('c1', 'r1', 4, pick('b')),
	...cast('c2', 'r1', 5, pick('a')),
	...cast('c3', 'r2', 2, pick('a')),
	...cast('c3', 'r2', 8, pick('b'))
];

describe('rollup, small groups', () => {
	it('keeps regions under minGroup out of the national figure under both weightings', () => {
		const withSmall = [...votes, ...cast('c4', 'r3', 4, pick('c'))];
		for (const weighting of ['participant', 'region-equal'] as const) {
			const result = rollup(single(), withSmall, { weighting });
			expect(result.byRegion.r3).toEqual({ kind: 'single', voters: 4, suppressed: true });
			expect(result.nationRegionIds).toEqual(['r1', 'r2']);
			expect(result.nation.voters).toBeCloseTo(25);
			expect(shares(result.nation)[2]).toBe(0);
		}
	});

	it('withholds a second conference when one small one could be worked out', () => {
		const result = rollup(
			single(),
			[
				...cast('c1', 'r1', 3, pick('a')),
				...cast('c2', 'r1', 9, pick('b')),
				...cast('c3', 'r1', 20, pick('c'))
			],
			{ weighting: 'participant' }
		);
		expect(result.byConference.c1).toEqual({ kind: 'single', voters: 3, suppressed: true });
		expect(result.byConference.c2).toEqual({ kind: 'single', voters: 9, suppressed: true });
		expect(result.byConference.c3?.suppressed).toBe(false);
		expect(shares(result.byRegion.r1)).toEqual([3 / 32, 9 / 32, 20 / 32]);
	});

	it('withholds a lone small conference together with its region', () => {
		const result = rollup(single(), cast('c1', 'r1', 4, pick('a')), { weighting: 'participant' });
		expect(result.byConference.c1?.suppressed).toBe(true);
		expect(result.byRegion.r1?.suppressed).toBe(true);
		expect(result.nation).toEqual({ kind: 'single', voters: 0, suppressed: true });
	});

	it('counts only valid votes towards minGroup', () => {
		const mixed = [...cast('c1', 'r1', 4, pick('a')), ...cast('c1', 'r1', 3, pick('zz'))];
		const result = rollup(single(), mixed, { weighting: 'participant' });
		expect(result.byConference.c1).toEqual({ kind: 'single', voters: 4, suppressed: true });
	});

	it('honours a custom minGroup and rejects a bad one', () => {
		const two = cast('c1', 'r1', 2, pick('a'));
		const result = rollup(single(), two, { weighting: 'participant', minGroup: 2 });
		expect(result.nation.suppressed).toBe(false);
		expect(result.byConference.c1?.suppressed).toBe(false);
		for (const minGroup of [0, 1.5, -5]) {
			expect(() => rollup(single(), votes, { weighting: 'participant', minGroup })).toThrow(
				RangeError
			);
		}
	});

	it('never suppresses text counts and counts every region in the nation', () => {
		const answer = { kind: 'text', text: 'Mer samarbeid' };
		const answers = [...cast('c1', 'r1', 1, answer), ...cast('c2', 'r2', 2, answer)];
		const result = rollup(text(), answers, { weighting: 'participant' });
		expect(result.nation).toEqual({ kind: 'text', voters: 3, suppressed: false });
		expect(result.byConference.c1).toEqual({ kind: 'text', voters: 1, suppressed: false });
		expect(result.nationRegionIds).toEqual(['r1', 'r2']);
	});
});

describe('rollup, role filter', () => {
	const mixed = [
		...cast('c1', 'r1', 5, pick('a'), 'folkevalgt'),
		...cast('c1', 'r1', 6, pick('b'), 'administrasjon'),
		...cast('c2', 'r1', 7, pick('c'), 'tillitsvalgt')
	];

	it('counts only the chosen roles but lists every conference', () => {
		const roles = ['folkevalgt', 'tillitsvalgt'] as const;
		const result = rollup(single(), mixed, { weighting: 'participant', roles });
		expect(shares(result.byConference.c1)).toEqual([1, 0, 0]);
		expect(shares(result.byConference.c2)).toEqual([0, 0, 1]);
		expect(result.nation.voters).toBe(12);
	});

	it('lists conferences the filter empties as suppressed', () => {
		const none = rollup(single(), mixed, { weighting: 'participant', roles: ['annet'] });
		expect(none.byConference.c1).toEqual({ kind: 'single', voters: 0, suppressed: true });
		expect(none.nation).toEqual({ kind: 'single', voters: 0, suppressed: true });
		expect(none.nationRegionIds).toEqual([]);
	});

	it('treats an empty role list as no roles and a missing one as all', () => {
		expect(rollup(single(), mixed, { weighting: 'participant', roles: [] }).nation.voters).toBe(0);
		expect(rollup(single(), mixed, { weighting: 'participant' }).nation.voters).toBe(18);
	});
});

describe('rollup, input', () => {
	it('handles no votes at all', () => {
		expect(rollup(single(), [], { weighting: 'region-equal' })).toEqual({
			byConference: {},
			byRegion: {},
			nation: { kind: 'single', voters: 0, suppressed: true },
			nationRegionIds: []
		});
	});

	it('throws when a conference is tagged with two regions', () => {
		const split = [...cast('c1', 'r1', 5, pick('a')), ...cast('c1', 'r2', 5, pick('a'))];
		expect(() => rollup(single(), split, { weighting: 'participant' })).toThrow(/c1/);
	});

	it('keeps odd ids as plain keys', () => {
		const odd = cast('__proto__', 'constructor', 5, pick('a'));
		const result = rollup(single(), odd, { weighting: 'participant' });
		expect(Object.keys(result.byConference)).toEqual(['__proto__']);
		expect(Object.getPrototypeOf(result.byConference)).toBe(Object.prototype);
		expect(result.byRegion.constructor).toMatchObject({ voters: 5, suppressed: false });
	});
});
