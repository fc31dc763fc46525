import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { conferenceTables, participants, polls, tableAnswers, textUpvotes, votes } from '../schema';
import type { CountedValue } from '$lib/domain/ballots';
import type { Ballot, VoteValue } from '$lib/domain/ballots/types';

export type PollStatus = 'draft' | 'open' | 'closed' | 'revealed';

export interface PollRow {
	id: string;
	conferenceId: string;
	questionId: string;
	ballotId: string;
	ballot: Ballot;
	status: PollStatus;
}

const pollColumns = {
	id: polls.id,
	conferenceId: polls.conferenceId,
	questionId: polls.questionId,
	ballotId: polls.ballotId,
	ballot: polls.ballot,
	status: polls.status
};
const asPoll = (row: Record<keyof typeof pollColumns, unknown>) => row as PollRow;

export async function findPoll(db: DbOrTx, pollId: string): Promise<PollRow | undefined> {
	const [row] = await db.select(pollColumns).from(polls).where(eq(polls.id, pollId));
	return row ? asPoll(row) : undefined;
}

/** The polls with these ids (unknown ids are left out). */
export async function findPolls(db: DbOrTx, pollIds: string[]): Promise<PollRow[]> {
	if (pollIds.length === 0) {
		return [];
	}
	const rows = await db.select(pollColumns).from(polls).where(inArray(polls.id, pollIds));
	return rows.map(asPoll);
}

/** The polls of these ballots in these conferences (each conference's polls of each ballot listed). */
export async function findPollsOfBallots(
	db: DbOrTx,
	conferenceIds: string[],
	ballotIds: string[]
): Promise<PollRow[]> {
	if (conferenceIds.length === 0 || ballotIds.length === 0) {
		return [];
	}
	const rows = await db
		.select(pollColumns)
		.from(polls)
		.where(and(inArray(polls.conferenceId, conferenceIds), inArray(polls.ballotId, ballotIds)));
	return rows.map(asPoll);
}

export async function pollsOfConference(db: DbOrTx, conferenceId: string): Promise<PollRow[]> {
	const rows = await db.select(pollColumns).from(polls).where(eq(polls.conferenceId, conferenceId));
	return rows.map(asPoll);
}

/** Creates the question's polls (one per ballot) if they do not exist yet. */
export async function ensurePolls(
	db: DbOrTx,
	conferenceId: string,
	questionId: string,
	ballots: Ballot[]
) {
	await db
		.insert(polls)
		.values(ballots.map((ballot) => ({ conferenceId, questionId, ballotId: ballot.id, ballot })))
		.onConflictDoNothing();
}

/** Moves the question's polls that are in one of `from` to `to`; returns how many moved. */
export async function setQuestionStatus(
	db: DbOrTx,
	conferenceId: string,
	questionId: string,
	from: PollStatus[],
	to: PollStatus,
	now: Date
): Promise<number> {
	const stamp =
		to === 'open'
			? { openedAt: now }
			: to === 'closed'
				? { closedAt: now }
				: to === 'revealed'
					? { revealedAt: now }
					: {};
	const rows = await db
		.update(polls)
		.set({ status: to, ...stamp })
		.where(
			and(
				eq(polls.conferenceId, conferenceId),
				eq(polls.questionId, questionId),
				inArray(polls.status, from)
			)
		)
		.returning({ id: polls.id });
	return rows.length;
}

export interface NewVote {
	pollId: string;
	participantId: string;
	value: VoteValue;
}

/** A table's one answer to a poll, replacing the table's earlier one. */
export interface NewTableAnswer {
	pollId: string;
	tableId: string;
	text: string;
	participantId: string;
}

/** The rows of a raw `db.execute`: node-postgres and PGlite both answer with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
	return (result as { rows: T[] }).rows;
}

/**
 * Stores votes and table answers in one statement, so one round trip and one commit, and only
 * on polls that are open when it runs: it share-locks their rows first, so a close racing it
 * waits for it to commit, and a close that committed first keeps that poll's rows out. Returns
 * the ids of the polls it wrote to (of those given rows).
 *
 * At most one vote per poll and participant, and one answer per poll and table: PostgreSQL cannot
 * update a row twice in one statement. The rows travel as JSON parameters: building a many-row
 * insert value by value costs the node far more CPU than PostgreSQL spends unpacking them.
 */
export async function writeToOpenPolls(
	db: DbOrTx,
	rows: { votes: NewVote[]; tables: NewTableAnswer[] },
	now: Date
): Promise<Set<string>> {
	const pollIds = [...new Set([...rows.votes, ...rows.tables].map((r) => r.pollId))];
	if (pollIds.length === 0) {
		return new Set();
	}
	const at = now.toISOString();
	const result = await db.execute(sql`
		with open_polls as (
			select ${polls.id} from ${polls}
			where ${inArray(polls.id, pollIds)} and ${polls.status} = 'open'
			order by ${polls.id}
			for share
		), cast_votes as (
			insert into ${votes} (poll_id, participant_id, value, created_at, updated_at)
			select (r->>'pollId')::uuid, (r->>'participantId')::uuid, r->'value',
				${at}::text::timestamptz, ${at}::text::timestamptz
			from jsonb_array_elements(${JSON.stringify(rows.votes)}::text::jsonb) as r
			where (r->>'pollId')::uuid in (select id from open_polls)
			on conflict (poll_id, participant_id)
			do update set value = excluded.value, updated_at = excluded.updated_at
		), table_answers as (
			insert into ${tableAnswers} (poll_id, table_id, text, participant_id, updated_at)
			select (r->>'pollId')::uuid, (r->>'tableId')::uuid, r->>'text',
				(r->>'participantId')::uuid, ${at}::text::timestamptz
			from jsonb_array_elements(${JSON.stringify(rows.tables)}::text::jsonb) as r
			where (r->>'pollId')::uuid in (select id from open_polls)
			on conflict (poll_id, table_id)
			do update set text = excluded.text, participant_id = excluded.participant_id,
				updated_at = excluded.updated_at
		)
		select id from open_polls`);
	return new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
}

/**
 * Every stored vote value of a poll, identical ones counted once (table answers as table votes):
 * the facilitator's tally reads this every second, and thousands of votes are few distinct ones.
 */
export async function pollValueCounts(db: DbOrTx, poll: PollRow): Promise<CountedValue[]> {
	const count = sql<number>`count(*)::int`;
	if (poll.ballot.kind === 'table') {
		const rows = await db
			.select({ text: tableAnswers.text, count })
			.from(tableAnswers)
			.where(eq(tableAnswers.pollId, poll.id))
			.groupBy(tableAnswers.text);
		return rows.map((r) => ({ value: { kind: 'table', text: r.text }, count: r.count }));
	}
	return db
		.select({ value: votes.value, count })
		.from(votes)
		.where(eq(votes.pollId, poll.id))
		.groupBy(votes.value);
}

export interface PollProgress {
	status: PollStatus;
	conferenceId: string;
	/** How many have voted (for a table ballot: how many tables have answered). */
	voters: number;
	/** Participants who have joined the conference. */
	joined: number;
}

/**
 * Polls' status and how many have voted, by poll id, in one query for them all: presenters hear
 * this several times a second for every open poll.
 */
export async function pollsProgress(
	db: DbOrTx,
	pollIds: string[]
): Promise<Map<string, PollProgress>> {
	if (pollIds.length === 0) {
		return new Map();
	}
	// Each conference's participants are counted once, not once per poll: a read covers dozens
	// of polls of a handful of conferences.
	const result = await db.execute(sql`
		with wanted as (
			select ${polls.id}, ${polls.status}, ${polls.conferenceId},
				${polls.ballot}->>'kind' = 'table' as is_table
			from ${polls} where ${inArray(polls.id, pollIds)}
		), joined as (
			select ${participants.conferenceId}, count(*)::int as n from ${participants}
			where ${participants.conferenceId} in (select conference_id from wanted)
			group by ${participants.conferenceId}
		)
		select w.id, w.status, w.conference_id as "conferenceId",
			case when w.is_table
				then (select count(*)::int from ${tableAnswers} a where a.poll_id = w.id)
				else (select count(*)::int from ${votes} v where v.poll_id = w.id) end as voters,
			coalesce(j.n, 0) as joined
		from wanted w left join joined j on j.conference_id = w.conference_id`);
	const rows = rowsOf<{ id: string } & PollProgress>(result);
	return new Map(rows.map(({ id, ...progress }) => [id, progress]));
}

/** The stored votes of these participants on these polls. */
export async function votesOn(db: DbOrTx, pollIds: string[], participantIds: string[]) {
	if (pollIds.length === 0 || participantIds.length === 0) {
		return [];
	}
	const rows = await db
		.select({ pollId: votes.pollId, participantId: votes.participantId, value: votes.value })
		.from(votes)
		.where(and(inArray(votes.pollId, pollIds), inArray(votes.participantId, participantIds)));
	return rows.map((r) => ({ ...r, value: r.value as VoteValue }));
}

/** Each participant's stored votes, by participant id, then poll id. */
export async function votesOfParticipants(
	db: DbOrTx,
	participantIds: string[]
): Promise<Map<string, Record<string, VoteValue>>> {
	const rows = await db
		.select({ pollId: votes.pollId, participantId: votes.participantId, value: votes.value })
		.from(votes)
		.where(inArray(votes.participantId, participantIds));
	const byParticipant = new Map<string, Record<string, VoteValue>>();
	for (const row of rows) {
		const mine = byParticipant.get(row.participantId) ?? {};
		mine[row.pollId] = row.value as VoteValue;
		byParticipant.set(row.participantId, mine);
	}
	return byParticipant;
}

/** The participant's own votes on the given polls, by poll id. */
export async function ownVotes(db: DbOrTx, participantId: string, pollIds: string[]) {
	if (pollIds.length === 0) {
		return new Map<string, VoteValue>();
	}
	const rows = await db
		.select({ pollId: votes.pollId, value: votes.value })
		.from(votes)
		.where(and(eq(votes.participantId, participantId), inArray(votes.pollId, pollIds)));
	return new Map(rows.map((r) => [r.pollId, r.value as VoteValue]));
}

export interface TextAnswer {
	id: string;
	text: string;
	hidden: boolean;
	upvotes: number;
	tableNumber: number | null;
}

/** Open-text (or table) answers of a poll with their upvotes, most upvoted first. */
export async function textAnswers(db: DbOrTx, poll: PollRow): Promise<TextAnswer[]> {
	if (poll.ballot.kind === 'table') {
		const rows = await db
			.select({
				id: tableAnswers.tableId,
				text: tableAnswers.text,
				hidden: tableAnswers.hidden,
				tableNumber: conferenceTables.number
			})
			.from(tableAnswers)
			.innerJoin(conferenceTables, eq(conferenceTables.id, tableAnswers.tableId))
			.where(eq(tableAnswers.pollId, poll.id))
			.orderBy(conferenceTables.number);
		return rows.map((r) => ({ ...r, upvotes: 0 }));
	}
	const rows = await db
		.select({
			id: votes.id,
			value: votes.value,
			hidden: votes.hidden,
			// Written out: drizzle leaves columns unqualified in a select list.
			upvotes: sql<number>`(select count(*)::int from text_upvotes u where u.vote_id = votes.id)`
		})
		.from(votes)
		.where(eq(votes.pollId, poll.id))
		.orderBy(votes.createdAt);
	return rows
		.map((r) => ({
			id: r.id,
			text: (r.value as { text?: string }).text ?? '',
			hidden: r.hidden,
			upvotes: r.upvotes,
			tableNumber: null
		}))
		.sort((a, b) => b.upvotes - a.upvotes);
}

/** Hides or shows one answer of a poll; false when no such answer. */
export async function setAnswerHidden(
	db: DbOrTx,
	poll: PollRow,
	answerId: string,
	hidden: boolean
) {
	const rows =
		poll.ballot.kind === 'table'
			? await db
					.update(tableAnswers)
					.set({ hidden })
					.where(and(eq(tableAnswers.pollId, poll.id), eq(tableAnswers.tableId, answerId)))
					.returning({ id: tableAnswers.tableId })
			: await db
					.update(votes)
					.set({ hidden })
					.where(and(eq(votes.pollId, poll.id), eq(votes.id, answerId)))
					.returning({ id: votes.id });
	return rows.length === 1;
}

/** Upvotes a visible answer once per participant; returns the vote's poll id or undefined. */
export async function addUpvote(db: DbOrTx, voteId: string, participantId: string) {
	const [target] = await db
		.select({ pollId: votes.pollId, hidden: votes.hidden })
		.from(votes)
		.where(eq(votes.id, voteId));
	if (!target || target.hidden) {
		return undefined;
	}
	await db.insert(textUpvotes).values({ voteId, participantId }).onConflictDoNothing();
	return target.pollId;
}

export async function countJoined(db: DbOrTx, conferenceId: string): Promise<number> {
	const [row] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(participants)
		.where(eq(participants.conferenceId, conferenceId));
	return row?.n ?? 0;
}
