import { tallyVotes } from '$lib/domain/ballots';
import type { Ballot } from '$lib/domain/ballots/types';
import type { ParticipantRole } from '$lib/domain/participant-role';
import { rollup, type Tagged, type TaggedVote, type Weighting } from '$lib/domain/rollup';
import { DEFAULT_MIN_GROUP, publicResult, type PublicResult } from '$lib/domain/tally';
import type { ContentPack } from '$lib/content/schema';
import type { NationalView, NationQuestion, PollComparison } from '$lib/realtime/nation';
import { AppError } from '../errors';
import type { Db, DbOrTx } from '../db';
import { findPoll } from '../db/queries/polls';
import {
	conferencePlace,
	findRoundBasics,
	roundConferences,
	roundRegions,
	roundVoteGroups,
	type RoundBasics,
	type VoteGroup,
	type VoteScope
} from '../db/queries/nation';
import { packById } from './content';
import { mergedReads } from './merged-read';

export interface NationFilter {
	/** Count only these roles; null for everyone. */
	roles: ParticipantRole[] | null;
	weighting: Weighting;
}

export const ALL_ROLES_PARTICIPANT: NationFilter = { roles: null, weighting: 'participant' };

/** A round as the national figures need it: its counties, conferences, pack and votes. */
export interface RoundData {
	round: RoundBasics;
	regions: NationalView['regions'];
	conferences: NationalView['conferences'];
	pack: ContentPack | undefined;
	/** Tagged votes by ballot id. */
	votes: Map<string, Tagged[]>;
	at: number;
}

/** The round, or a not-found error. */
export async function requireRound(db: DbOrTx, roundId: string): Promise<RoundBasics> {
	const round = await findRoundBasics(db, roundId);
	if (!round) {
		throw new AppError('not_found', 'Runden finnes ikke.');
	}
	return round;
}

/** Reads everything the national figures of a round are computed from, in one go. */
export async function readRound(db: DbOrTx, roundId: string, scope?: VoteScope) {
	const at = Date.now();
	const round = await requireRound(db, roundId);
	const [regions, conferences, groups, pack] = await Promise.all([
		roundRegions(db, roundId),
		roundConferences(db, roundId),
		roundVoteGroups(db, roundId, scope),
		packById(db, round.contentPackId)
	]);
	return { round, regions, conferences, pack, votes: tagged(groups), at } satisfies RoundData;
}

/**
 * Grouped rows back to one tagged vote per voter (the same object, `n` times: cheap); votes added
 * up stay added up.
 */
export function tagged(groups: readonly VoteGroup[]): Map<string, Tagged[]> {
	const byBallot = new Map<string, Tagged[]>();
	for (const group of groups) {
		const list = byBallot.get(group.ballotId) ?? [];
		byBallot.set(group.ballotId, list);
		const where = {
			conferenceId: group.conferenceId,
			regionId: group.regionId,
			role: group.role as ParticipantRole
		};
		if ('sums' in group) {
			list.push({ ...where, sums: group.sums });
			continue;
		}
		const vote: TaggedVote = { ...where, value: group.value };
		for (let i = 0; i < group.n; i++) {
			list.push(vote);
		}
	}
	return byBallot;
}

// Per database: the dashboards of one node share reads of a round that was just voted in.
const readers = new WeakMap<object, (roundId: string, arrivedAt?: number) => Promise<RoundData>>();

/** `readRound`, merged with reads of the same round in flight that began after `arrivedAt`. */
export function readRoundMerged(db: Db, roundId: string, arrivedAt = Date.now()) {
	let reader = readers.get(db);
	if (!reader) {
		reader = mergedReads((id) => readRound(db, id));
		readers.set(db, reader);
	}
	return reader(roundId, arrivedAt);
}

/** The "KS spør" questions of the pack, by number. */
export function packQuestions(pack: ContentPack | undefined) {
	return [...(pack?.questions ?? [])].sort((a, b) => a.number - b.number);
}

/**
 * Every "KS spør" ballot of the round across conferences, counties and the nation. Async only to
 * let other work in between: each ballot rolls up all of the round's votes on it, and the whole
 * round in one go would hold up the votes being acknowledged meanwhile.
 */
export async function buildView(data: RoundData, filter: NationFilter): Promise<NationalView> {
	const roles = filter.roles && filter.roles.length > 0 ? filter.roles : null;
	const questions: NationQuestion[] = [];
	for (const question of packQuestions(data.pack)) {
		const ballots = [];
		for (const ballot of question.ballots) {
			await new Promise((resolve) => setImmediate(resolve));
			ballots.push({
				ballot,
				...rollup(ballot, data.votes.get(ballot.id) ?? [], {
					roles: roles ?? undefined,
					weighting: filter.weighting,
					minGroup: DEFAULT_MIN_GROUP
				})
			});
		}
		const { id, number, themeId, text } = question;
		questions.push({ id, number, themeId, text, ballots });
	}
	return {
		roundId: data.round.id,
		roundName: data.round.name,
		roundStatus: data.round.status,
		roles,
		weighting: filter.weighting,
		minGroup: DEFAULT_MIN_GROUP,
		at: data.at,
		themes: (data.pack?.meta.themes ?? []).map(({ id, title }) => ({ id, title })),
		regions: data.regions,
		conferences: data.conferences,
		questions
	};
}

/** The national view of a round now, for a dashboard (reads merged per node). */
export async function nationalView(
	db: Db,
	roundId: string,
	filter: NationFilter,
	arrivedAt = Date.now()
): Promise<NationalView> {
	return await buildView(await readRoundMerged(db, roundId, arrivedAt), filter);
}

/**
 * "Our county vs the country so far" for a revealed poll. Only polls whose voting has ended
 * count, so no room sees another's result while it is still voting; each participant counts once.
 */
export async function pollComparison(
	db: DbOrTx,
	conferenceId: string,
	pollId: string
): Promise<PollComparison> {
	const poll = await findPoll(db, pollId);
	if (!poll || poll.conferenceId !== conferenceId) {
		throw new AppError('not_found', 'Avstemningen finnes ikke.');
	}
	if (poll.status !== 'revealed') {
		throw new AppError('conflict', 'Vis resultatet i salen før dere sammenligner.');
	}
	if (poll.ballot.kind === 'text' || poll.ballot.kind === 'table') {
		throw new AppError('bad_request', 'Fritekstsvar kan ikke sammenlignes med landet.');
	}
	const place = await conferencePlace(db, conferenceId);
	if (!place) {
		throw new AppError('not_found', 'Konferansen finnes ikke.');
	}
	const groups = await roundVoteGroups(db, place.roundId, {
		ballotId: poll.ballotId,
		statuses: ['closed', 'revealed']
	});
	const ballot: Ballot = poll.ballot;
	const result = rollup(ballot, tagged(groups).get(poll.ballotId) ?? [], {
		weighting: 'participant'
	});
	// The room has seen its own result: no figure may give away the few other answers in it.
	const own = result.byConference[conferenceId]?.voters ?? 0;
	const county = result.byRegion[place.regionId] ?? publicResult(tallyVotes(ballot, []));
	const countyInNation = result.nationRegionIds.includes(place.regionId);
	return {
		pollId,
		conferenceId,
		ballot,
		regionName: place.regionName,
		county: withheldIfItGivesAway(county, own),
		nation: countyInNation ? withheldIfItGivesAway(result.nation, own) : result.nation,
		nationRegions: result.nationRegionIds.length,
		at: Date.now()
	};
}

/**
 * A figure that contains the room's own result, withheld if taking the room's result (shown
 * in the room once it has at least `minGroup` voters) away from it leaves 1 to `minGroup - 1`
 * voters: those few answers could otherwise be worked out by subtraction.
 */
export function withheldIfItGivesAway(
	result: PublicResult,
	ownVoters: number,
	minGroup = DEFAULT_MIN_GROUP
): PublicResult {
	const rest = result.voters - ownVoters;
	if (result.suppressed || ownVoters < minGroup || rest <= 0 || rest >= minGroup) {
		return result;
	}
	return { kind: result.kind, voters: result.voters, suppressed: true };
}
