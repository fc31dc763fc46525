import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { conferences, participants, polls, regions, rounds, tableAnswers, votes } from '../schema';
import type { PollStatus } from './polls';
import type { NationConference, NationRegion } from '$lib/realtime/nation';

/** Queries behind the national dashboard, the county comparison and the round's lifecycle. */

export interface RoundBasics {
	id: string;
	name: string;
	status: string;
	contentPackId: string | null;
}

export async function findRoundBasics(db: DbOrTx, roundId: string) {
	const [row] = await db
		.select({
			id: rounds.id,
			name: rounds.name,
			status: rounds.status,
			contentPackId: rounds.contentPackId
		})
		.from(rounds)
		.where(eq(rounds.id, roundId));
	return row as RoundBasics | undefined;
}

export async function roundRegions(db: DbOrTx, roundId: string): Promise<NationRegion[]> {
	return db
		.select({ id: regions.id, code: regions.code, name: regions.name })
		.from(regions)
		.where(eq(regions.roundId, roundId))
		.orderBy(asc(regions.name));
}

export async function roundConferences(db: DbOrTx, roundId: string): Promise<NationConference[]> {
	return db
		.select({
			id: conferences.id,
			title: conferences.title,
			regionId: conferences.regionId,
			status: conferences.status
		})
		.from(conferences)
		.where(eq(conferences.roundId, roundId))
		.orderBy(asc(conferences.title));
}

/** The round and region of a conference. */
export async function conferencePlace(db: DbOrTx, conferenceId: string) {
	const [row] = await db
		.select({
			roundId: conferences.roundId,
			regionId: conferences.regionId,
			regionName: regions.name
		})
		.from(conferences)
		.innerJoin(regions, eq(regions.id, conferences.regionId))
		.where(eq(conferences.id, conferenceId));
	return row;
}

export async function roundOfPoll(db: DbOrTx, pollId: string): Promise<string | undefined> {
	const [row] = await db
		.select({ roundId: conferences.roundId })
		.from(polls)
		.innerJoin(conferences, eq(conferences.id, polls.conferenceId))
		.where(eq(polls.id, pollId));
	return row?.roundId;
}

/** Identical votes of one role in one conference, counted once with `n`. */
export interface VoteGroup {
	ballotId: string;
	conferenceId: string;
	regionId: string;
	role: string;
	value: unknown;
	n: number;
}

export interface VoteScope {
	/** Only this ballot. */
	ballotId?: string;
	/** Only polls in these states (e.g. voting has ended). */
	statuses?: PollStatus[];
}

// Free text is never needed to count answers: every stored answer was valid when cast, so a
// stand-in keeps the grouping small (and the round's texts out of memory).
const TEXT_KINDS = sql`(${polls.ballot}->>'kind') in ('text', 'table')`;
const countedValue = sql<unknown>`case when ${TEXT_KINDS}
	then jsonb_build_object('kind', ${polls.ballot}->>'kind', 'text', 'x')
	else ${votes.value} end`;

/**
 * Every vote of a round, grouped: the same answer from the same role in the same conference is
 * one row with its count. Table answers count as the table's, with the role of who saved them.
 */
export async function roundVoteGroups(
	db: DbOrTx,
	roundId: string,
	scope: VoteScope = {}
): Promise<VoteGroup[]> {
	const where = scopeOf(roundId, scope);
	const [cast, tables] = await Promise.all([
		db
			.select({
				ballotId: polls.ballotId,
				conferenceId: conferences.id,
				regionId: conferences.regionId,
				role: participants.role,
				value: countedValue,
				n: sql<number>`count(*)::int`
			})
			.from(votes)
			.innerJoin(polls, eq(polls.id, votes.pollId))
			.innerJoin(conferences, eq(conferences.id, polls.conferenceId))
			.innerJoin(participants, eq(participants.id, votes.participantId))
			.where(where)
			.groupBy(polls.ballotId, conferences.id, conferences.regionId, participants.role, sql`5`),
		db
			.select({
				ballotId: polls.ballotId,
				conferenceId: conferences.id,
				regionId: conferences.regionId,
				role: sql<string>`coalesce(${participants.role}, 'annet')`,
				n: sql<number>`count(*)::int`
			})
			.from(tableAnswers)
			.innerJoin(polls, eq(polls.id, tableAnswers.pollId))
			.innerJoin(conferences, eq(conferences.id, polls.conferenceId))
			.leftJoin(participants, eq(participants.id, tableAnswers.participantId))
			.where(where)
			.groupBy(polls.ballotId, conferences.id, conferences.regionId, sql`4`)
	]);
	return [...cast, ...tables.map((row) => ({ ...row, value: { kind: 'table', text: 'x' } }))];
}

function scopeOf(roundId: string, scope: VoteScope): SQL {
	const parts: SQL[] = [eq(conferences.roundId, roundId)];
	if (scope.ballotId) {
		parts.push(eq(polls.ballotId, scope.ballotId));
	}
	if (scope.statuses) {
		parts.push(inArray(polls.status, scope.statuses));
	}
	return and(...parts)!;
}

/** Participants of the round by county and role. */
export async function participantCounts(db: DbOrTx, roundId: string) {
	return db
		.select({
			regionId: conferences.regionId,
			role: participants.role,
			n: sql<number>`count(*)::int`
		})
		.from(participants)
		.innerJoin(conferences, eq(conferences.id, participants.conferenceId))
		.where(eq(conferences.roundId, roundId))
		.groupBy(conferences.regionId, participants.role);
}
