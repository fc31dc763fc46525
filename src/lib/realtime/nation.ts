import type { Ballot } from '$lib/domain/ballots/types';
import type { ParticipantRole } from '$lib/domain/participant-role';
import type { Weighting } from '$lib/domain/rollup';
import type { PublicResult } from '$lib/domain/tally';

/** The national dashboard's picture of a round, shared by its page, its socket and exports. */

export interface NationRegion {
	id: string;
	code: string;
	name: string;
}

export interface NationConference {
	id: string;
	title: string;
	regionId: string;
	status: string;
}

/** One ballot across the round: every conference and county, and the nation. */
export interface NationBallotResult {
	ballot: Ballot;
	/** Conferences with votes; a small one, or one that would give a small one away, suppressed. */
	byConference: Record<string, PublicResult>;
	/** Counties (regions) with votes; fewer than `minGroup` voters: suppressed. */
	byRegion: Record<string, PublicResult>;
	nation: PublicResult;
	/** The counties counted in the national figure: those with at least `minGroup` voters. */
	nationRegionIds: string[];
}

export interface NationQuestion {
	id: string;
	number: number;
	themeId: string;
	/** As printed in the booklet. */
	text: string;
	ballots: NationBallotResult[];
}

export interface NationalView {
	roundId: string;
	roundName: string;
	roundStatus: string;
	/** The roles counted; null for everyone. */
	roles: ParticipantRole[] | null;
	weighting: Weighting;
	minGroup: number;
	/** When the votes were read (server clock, ms). */
	at: number;
	themes: { id: string; title: string }[];
	regions: NationRegion[];
	conferences: NationConference[];
	questions: NationQuestion[];
}

/** "Our county vs the country so far", for a revealed poll on the presenter screen. */
export interface PollComparison {
	pollId: string;
	conferenceId: string;
	ballot: Ballot;
	regionName: string;
	/** Every conference of the county, counting only polls whose voting has ended. */
	county: PublicResult;
	/** Every county with enough answers, each participant counting once. */
	nation: PublicResult;
	/** How many counties make up `nation`. */
	nationRegions: number;
	at: number;
}

/** The comparison of a poll taken off the presenter screen. */
export interface ComparisonHidden {
	conferenceId: string;
	pollId: string;
	/** Server clock, ms: a hide older than a shown comparison is ignored. */
	at: number;
}
