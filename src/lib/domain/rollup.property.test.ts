import { describe, expect, it } from 'vitest';
import { tallyVotes } from './ballots';
import { single } from './ballots/test-ballots';
import { PARTICIPANT_ROLES, rollup } from './rollup';
import type { TaggedVote } from './rollup';
import { shares } from './rollup.fixtures';
import { publicResult } from './tally';
import { mulberry32 } from './test-utils';

/** Random votes over up to 4 regions with up to 4 conferences each, many of them small. */
function randomVotes(seed: number): TaggedVote[] {
	const random = mulberry32(seed);
	const int = (n: number) => Math.floor(random() * n);
	return Array.from({ length: int(80) }, () => {
		const regionId = `r${int(4)}`;
		return {
			regionId,
			conferenceId: `${regionId}-c${int(4)}`,
			role: PARTICIPANT_ROLES[int(4)]!,
			value: { kind: 'single', optionId: ['a', 'b', 'c', 'x'][int(4)]! }
		};
	});
}

const seeds = Array.from({ length: 200 }, (_, i) => i + 1);

describe('rollup properties', () => {
	it('never lets a group of 1 to minGroup − 1 be worked out from shown results', () => {
		let protectedGroups = 0;
		for (const seed of seeds) {
			const votes = randomVotes(seed);
			const result = rollup(single(), votes, { weighting: 'participant', roles: ['folkevalgt'] });
			for (const [regionId, region] of Object.entries(result.byRegion)) {
				if (region.suppressed) {
					continue;
				}
				const shown = Object.entries(result.byConference).filter(
					([id, c]) => id.startsWith(`${regionId}-`) && !c.suppressed
				);
				const hidden = region.voters - shown.reduce((sum, [, c]) => sum + c.voters, 0);
				expect(hidden === 0 || hidden >= 5, `seed ${seed}, ${regionId}`).toBe(true);
				protectedGroups += hidden > 0 ? 1 : 0;
			}
		}
		expect(protectedGroups).toBeGreaterThan(20);
	});

	it('pools or averages exactly the regions it names', () => {
		let averagedNations = 0;
		for (const seed of seeds) {
			const votes = randomVotes(seed);
			const pooled = rollup(single(), votes, { weighting: 'participant' });
			const equal = rollup(single(), votes, { weighting: 'region-equal' });
			expect(equal.nationRegionIds).toEqual(pooled.nationRegionIds);
			const counted = votes.filter((v) => pooled.nationRegionIds.includes(v.regionId));
			const values = counted.map((v) => v.value);
			expect(pooled.nation).toEqual(publicResult(tallyVotes(single(), values)));
			if (pooled.nationRegionIds.length === 0) {
				continue;
			}
			const regionShares = pooled.nationRegionIds.map((id) => shares(pooled.byRegion[id]));
			const averaged = shares(equal.nation);
			averaged.forEach((share, i) => {
				const mean = regionShares.reduce((sum, s) => sum + s[i]!, 0) / regionShares.length;
				expect(share).toBeCloseTo(mean, 12);
			});
			averagedNations += regionShares.length > 1 ? 1 : 0;
		}
		expect(averagedNations).toBeGreaterThan(50);
	});
});
