import { describe, expect, it } from 'vitest';
import { tallyVotes } from './ballots';
import { points, ranking, scale, single } from './ballots/test-ballots';
import { rollup } from './rollup';
import type { ParticipantRole, Tagged, TaggedVote, Weighting } from './rollup';
import { sumsOf } from './ballots/test-sums';
import { cast, pick, shares } from './rollup.fixtures';
import { publicResult } from './tally';
import { deepFreeze } from './test-utils';

// r1: c1 has 6 a + 4 b, c2 has 5 a; r2: c3 has 2 a + 8 b.
const votes = deepFreeze([
	...cast('c1', 'r1', 6, pick('a')),
	...cast('c1', 'r1', 4, pick('b')),
	...cast('c2', 'r1', 5, pick('a')),
	...cast('c3', 'r2', 2, pick('a')),
	...cast('c3', 'r2', 8, pick('b'))
]);

describe('rollup, participant weighting', () => {
	const result = rollup(single(), votes, { weighting: 'participant' });

	it('shows every conference and region', () => {
		expect(Object.keys(result.byConference).sort()).toEqual(['c1', 'c2', 'c3']);
		expect(shares(result.byConference.c1)).toEqual([0.6, 0.4, 0]);
		expect(shares(result.byRegion.r1)).toEqual([11 / 15, 4 / 15, 0]);
		expect(shares(result.byRegion.r2)).toEqual([0.2, 0.8, 0]);
	});

	it('pools all votes in the nation', () => {
		expect(result.nation).toMatchObject({ voters: 25, suppressed: false });
		expect(shares(result.nation)).toEqual([13 / 25, 12 / 25, 0]);
		expect(result.nation).toEqual(
			publicResult(
				tallyVotes(
					single(),
					votes.map((v) => v.value)
				)
			)
		);
		expect(result.nationRegionIds).toEqual(['r1', 'r2']);
	});
});

describe('rollup, region-equal weighting', () => {
	const result = rollup(single(), votes, { weighting: 'region-equal' });

	it('leaves conferences and regions as they are', () => {
		const participant = rollup(single(), votes, { weighting: 'participant' });
		expect(result.byConference).toEqual(participant.byConference);
		expect(result.byRegion).toEqual(participant.byRegion);
	});

	it('averages the regions’ shares and scales counts to all voters', () => {
		const [a, b] = shares(result.nation);
		expect(a).toBeCloseTo((11 / 15 + 0.2) / 2);
		expect(b).toBeCloseTo((4 / 15 + 0.8) / 2);
		expect(result.nation.voters).toBeCloseTo(25);
		if (!result.nation.suppressed && result.nation.kind === 'single') {
			expect(result.nation.options[0]!.count).toBeCloseTo(25 * a!);
			// a wins by participants (13 to 12), b wins by regions.
			expect(result.nation.options.map((o) => o.rank)).toEqual([2, 1, 3]);
		}
	});

	it('averages means and Borda points for scale, points and ranking', () => {
		const value = (v: number) => ({ kind: 'scale', value: v });
		const scaleVotes = [...cast('c1', 'r1', 10, value(1)), ...cast('c3', 'r2', 5, value(4))];
		const nation = rollup(scale(), scaleVotes, { weighting: 'region-equal' }).nation;
		expect(nation).toMatchObject({ kind: 'scale', mean: 2.5, median: 2.5 });

		const spend = (given: Record<string, number>) => ({ kind: 'points', points: given });
		const pointVotes = [
			...cast('c1', 'r1', 20, spend({ a: 1 })),
			...cast('c3', 'r2', 5, spend({ b: 3 }))
		];
		const points3 = rollup(points(3), pointVotes, { weighting: 'region-equal' }).nation;
		if (points3.suppressed || points3.kind !== 'points') {
			throw new Error('not shown');
		}
		expect(points3.options.map((o) => o.mean)).toEqual([0.5, 1.5, 0]);

		const rank = (...ids: string[]) => ({ kind: 'ranking', ranking: ids });
		const rankVotes = [
			...cast('c1', 'r1', 30, rank('a', 'b')),
			...cast('c3', 'r2', 6, rank('b', 'c'))
		];
		const byParticipant = rollup(ranking(2), rankVotes, { weighting: 'participant' }).nation;
		const byRegion = rollup(ranking(2), rankVotes, { weighting: 'region-equal' }).nation;
		if (byParticipant.suppressed || byParticipant.kind !== 'ranking') {
			throw new Error('not shown');
		}
		if (byRegion.suppressed || byRegion.kind !== 'ranking') {
			throw new Error('not shown');
		}
		expect(byParticipant.order.slice(0, 2)).toEqual(['a', 'b']);
		expect(byRegion.order.slice(0, 2)).toEqual(['b', 'a']);
		expect(byRegion.options.map((o) => o.firstShare)).toEqual([0.5, 0.5, 0, 0]);
	});
});

describe('rollup of votes added up per option', () => {
	const rank = (...ids: string[]) => ({ kind: 'ranking', ranking: ids });
	// c2 is small enough to be withheld; r2 too small to count in the nation.
	const byOne = deepFreeze([
		...cast('c1', 'r1', 9, rank('a', 'b')),
		...cast('c1', 'r1', 4, rank('c', 'a'), 'administrasjon'),
		...cast('c1', 'r1', 3, rank('b', 'd'), 'annet'),
		...cast('c2', 'r1', 2, rank('d', 'c')),
		...cast('c3', 'r3', 7, rank('b', 'a')),
		...cast('c3', 'r3', 6, rank('c', 'd'), 'administrasjon'),
		...cast('c4', 'r2', 3, rank('a', 'c'))
	]);
	/** The same votes, added up per conference and role; c3's left as they were. */
	const summed: Tagged[] = [];
	for (const vote of byOne) {
		const same = (v: Tagged) => v.conferenceId === vote.conferenceId && v.role === vote.role;
		if (vote.conferenceId === 'c3') {
			summed.push(vote);
		} else if (!summed.some((s) => 'sums' in s && same(s))) {
			const values = byOne.filter(same).map((v: TaggedVote) => v.value);
			summed.push({ ...vote, sums: sumsOf('ranking', values) });
		}
	}

	it.each<[Weighting, ParticipantRole[] | undefined]>([
		['participant', undefined],
		['region-equal', undefined],
		['participant', ['folkevalgt', 'annet']],
		['region-equal', ['administrasjon']]
	])('gives what the votes one by one give (%s, roles %j)', (weighting, roles) => {
		expect(summed.filter((s) => 'sums' in s)).toHaveLength(5);
		const one = rollup(ranking(2), byOne, { weighting, roles });
		expect(rollup(ranking(2), summed, { weighting, roles })).toEqual(one);
		expect(one.nationRegionIds.length).toBeGreaterThan(0);
	});
});
