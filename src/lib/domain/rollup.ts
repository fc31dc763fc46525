import { combineTallies, tallySums, tallyVotes } from './ballots';
import type { Tally, VoteSums, Weighted } from './ballots';
import type { Ballot } from './ballots/types';
import { unitsToWithhold } from './suppression';
import type { Unit } from './suppression';
import {
	assertMinGroup,
	DEFAULT_MIN_GROUP,
	isTooSmall,
	publicResult,
	suppressedResult
} from './tally';
import type { PublicResult } from './tally';

/** What a conference participant is there as (not to be confused with access roles in roles.ts). */
export { PARTICIPANT_ROLES, type ParticipantRole } from './participant-role';
import type { ParticipantRole } from './participant-role';

/** A stored vote with where it was cast and the voter's role. */
export interface TaggedVote {
	conferenceId: string;
	regionId: string;
	role: ParticipantRole;
	/** The vote as stored; malformed or invalid values are skipped. */
	value: unknown;
}

/** Votes of one role at a conference already added up per option (see `tallySums`). */
export interface TaggedSums {
	conferenceId: string;
	regionId: string;
	role: ParticipantRole;
	sums: VoteSums;
}

/** What a rollup counts: single votes, or votes added up. */
export type Tagged = TaggedVote | TaggedSums;

/**
 * How regions count in the national figure. 'participant': every vote counts the same.
 * 'region-equal': every region counts the same — national shares and means are the average of
 * the regions' own; counts are scaled to match (so they may be fractional).
 */
export type Weighting = 'participant' | 'region-equal';

export interface RollupOptions {
	/** Count only votes from these roles; all roles when left out. */
	roles?: readonly ParticipantRole[];
	weighting: Weighting;
	/** Fewest voters for which figures are shown; default 5. */
	minGroup?: number;
}

export interface Rollup {
	byConference: Record<string, PublicResult>;
	byRegion: Record<string, PublicResult>;
	nation: PublicResult;
	/** The regions that make up the national figure: those shown, i.e. with ≥ minGroup voters. */
	nationRegionIds: string[];
}

/**
 * Results per conference, per region and for the nation. Every conference and region with a
 * tagged vote is listed, even if the role filter leaves it no votes. Regions are the sum of
 * their conferences; the nation is made of the regions with at least `minGroup` voters only, so
 * a small region can never be worked out from the national figure. Conferences are withheld as
 * `unitsToWithhold` describes. Throws if a conference is tagged with more than one region.
 */
export function rollup(ballot: Ballot, votes: readonly Tagged[], options: RollupOptions): Rollup {
	const minGroup = options.minGroup ?? DEFAULT_MIN_GROUP;
	assertMinGroup(minGroup);
	const wanted = options.roles ? new Set<ParticipantRole>(options.roles) : null;
	const byConference: [string, PublicResult][] = [];
	const regions: Unit[] = [];
	for (const [regionId, conferences] of groupVotes(votes)) {
		const units = [...conferences].map(([id, cast]) => ({
			id,
			tally: tallyConference(ballot, cast, wanted)
		}));
		const withheld = unitsToWithhold(units, minGroup);
		for (const { id, tally } of units) {
			const result = withheld.has(id) ? suppressedResult(tally) : publicResult(tally, { minGroup });
			byConference.push([id, result]);
		}
		regions.push({ id: regionId, tally: combineTallies(ballot, units.map(asIs)) });
	}
	const counted = regions.filter((r) => r.tally.voters > 0 && !isTooSmall(r.tally, minGroup));
	const nation = combineTallies(ballot, nationParts(counted, options.weighting));
	return {
		byConference: Object.fromEntries(byConference),
		byRegion: Object.fromEntries(regions.map((r) => [r.id, publicResult(r.tally, { minGroup })])),
		nation: publicResult(nation, { minGroup }),
		nationRegionIds: counted.map((region) => region.id).sort()
	};
}

/** A conference's votes of the wanted roles, as if all had been tallied one by one. */
function tallyConference(
	ballot: Ballot,
	cast: readonly Tagged[],
	roles: ReadonlySet<ParticipantRole> | null
): Tally {
	const values: unknown[] = [];
	const summed: Weighted<Tally>[] = [];
	for (const item of cast) {
		if (roles && !roles.has(item.role)) {
			continue;
		}
		if ('sums' in item) {
			summed.push(asIs({ tally: tallySums(ballot, item.sums) }));
		} else {
			values.push(item.value);
		}
	}
	const tally = tallyVotes(ballot, values);
	return summed.length === 0 ? tally : combineTallies(ballot, [asIs({ tally }), ...summed]);
}

function asIs({ tally }: { tally: Tally }): Weighted<Tally> {
	return { tally, weight: 1 };
}

/** Region-equal weights make each region's votes add up to the same total, V / R. */
function nationParts(regions: readonly Unit[], weighting: Weighting): Weighted<Tally>[] {
	if (weighting === 'participant') {
		return regions.map(asIs);
	}
	const voters = regions.reduce((sum, region) => sum + region.tally.voters, 0);
	return regions.map(({ tally }) => ({
		tally,
		weight: voters / (regions.length * tally.voters)
	}));
}

/** Votes by region, then conference; throws on a conference tagged with two regions. */
function groupVotes(votes: readonly Tagged[]): Map<string, Map<string, Tagged[]>> {
	const regionOf = new Map<string, string>();
	const regions = new Map<string, Map<string, Tagged[]>>();
	for (const vote of votes) {
		const known = regionOf.get(vote.conferenceId);
		if (known !== undefined && known !== vote.regionId) {
			throw new Error(
				`Conference ${vote.conferenceId} is tagged with regions ${known} and ${vote.regionId}`
			);
		}
		regionOf.set(vote.conferenceId, vote.regionId);
		const conferences = regions.get(vote.regionId) ?? new Map<string, Tagged[]>();
		regions.set(vote.regionId, conferences);
		const cast = conferences.get(vote.conferenceId) ?? [];
		conferences.set(vote.conferenceId, cast);
		cast.push(vote);
	}
	return regions;
}
