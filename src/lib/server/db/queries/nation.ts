import { and, asc, eq, inArray, not, sql, type SQL } from 'drizzle-orm';
import type { PgSelect } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../index';
import { conferences, participants, polls, regions, rounds, tableAnswers, votes } from '../schema';
import type { PollStatus } from './polls';
import { addUpVotes } from './vote-sums';
import { SUMMED_KINDS, type VoteSums } from '$lib/domain/ballots';
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

interface GroupKey {
	ballotId: string;
	conferenceId: string;
	regionId: string;
	role: string;
}

/** Identical votes of one role in one conference, counted once with `n`. */
export interface ValueGroup extends GroupKey {
	value: unknown;
	n: number;
}

/** Ranking or points votes of one role in one conference, added up per option. */
export interface SumsGroup extends GroupKey {
	sums: VoteSums;
}

export type VoteGroup = ValueGroup | SumsGroup;

export interface VoteScope {
	/** Only this ballot. */
	ballotId?: string;
	/** Only polls in these states (e.g. voting has ended). */
	statuses?: PollStatus[];
}

// Free text is never needed to count answers: every stored answer was valid when cast, so a
// stand-in keeps the grouping small (and the round's texts out of memory).
const TEXT_KINDS = sql`(${polls.ballot}->>'kind') in ('text', 'table')`;
const SUMMED = sql`(${polls.ballot}->>'kind') in ${SUMMED_KINDS}`;
const countedValue = sql<unknown>`case when ${TEXT_KINDS}
	then jsonb_build_object('kind', ${polls.ballot}->>'kind', 'text', 'x')
	else ${votes.value} end`;

/**
 * Every vote of a round, grouped: the same answer from the same role in the same conference is
 * one row with its count; rankings and points are added up per option instead. Table answers
 * count as the table's, with the role of who saved them.
 */
export async function roundVoteGroups(
	db: DbOrTx,
	roundId: string,
	scope: VoteScope = {}
): Promise<VoteGroup[]> {
	const where = scopeOf(roundId, scope);
	const [cast, summed, tables] = await Promise.all([
		withVoters(
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
				.$dynamic()
		)
			.where(and(where, not(SUMMED)))
			.groupBy(polls.ballotId, conferences.id, conferences.regionId, participants.role, sql`5`),
		addUpVotes(
			db,
			withVoters(
				db
					.select({
						grp: sql`array[${polls.ballotId}, ${conferences.id}::text, ${conferences.regionId}::text, ${participants.role}::text]`.as(
							'grp'
						),
						kind: sql`${polls.ballot}->>'kind'`.as('kind'),
						value: votes.value
					})
					.from(votes)
					.$dynamic()
			)
				.where(and(where, SUMMED))
				.getSQL()
		),
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
	return [
		...cast,
		...summed.map(({ grp: [ballotId, conferenceId, regionId, role], sums }) => ({
			ballotId: ballotId!,
			conferenceId: conferenceId!,
			regionId: regionId!,
			role: role!,
			sums
		})),
		...tables.map((row) => ({ ...row, value: { kind: 'table', text: 'x' } }))
	];
}

/** Each vote of `qb` (a select from votes) with its poll, conference and voter joined. */
function withVoters<T extends PgSelect>(qb: T) {
	return qb
		.innerJoin(polls, eq(polls.id, votes.pollId))
		.innerJoin(conferences, eq(conferences.id, polls.conferenceId))
		.innerJoin(participants, eq(participants.id, votes.participantId));
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
