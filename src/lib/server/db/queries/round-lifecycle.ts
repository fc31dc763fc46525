import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import {
	conferences,
	conferenceTables,
	participants,
	polls,
	rounds,
	tableAnswers,
	tableNotes,
	verifiedCodes,
	votes
} from '../schema';

/** Closing, archiving and deleting the participant data of a round. */

/** The round's status, its row locked until the transaction ends. */
export async function lockRound(db: DbOrTx, roundId: string) {
	const [row] = await db
		.select({ id: rounds.id, name: rounds.name, status: rounds.status })
		.from(rounds)
		.where(eq(rounds.id, roundId))
		.for('update');
	return row;
}

export async function setRoundStatus(db: DbOrTx, roundId: string, status: string) {
	await db.update(rounds).set({ status }).where(eq(rounds.id, roundId));
}

const conferencesOf = (roundId: string) =>
	sql`(select id from ${conferences} where ${conferences.roundId} = ${roundId})`;

/** Every conference of the round closed: joining is refused from now on. */
export async function closeConferences(db: DbOrTx, roundId: string) {
	const rows = await db
		.update(conferences)
		.set({ status: 'closed' })
		.where(eq(conferences.roundId, roundId))
		.returning({ id: conferences.id });
	return rows.map((r) => r.id);
}

/** Every open poll of the round closed: no more votes. */
export async function closeOpenPolls(db: DbOrTx, roundId: string, now: Date) {
	return db
		.update(polls)
		.set({ status: 'closed', closedAt: now })
		.where(and(eq(polls.status, 'open'), sql`${polls.conferenceId} in ${conferencesOf(roundId)}`))
		.returning({ id: polls.id, conferenceId: polls.conferenceId });
}

/** How much participant data the round holds. */
export async function countRoundData(db: DbOrTx, roundId: string) {
	const inRound = conferencesOf(roundId);
	const people = sql`(select id from ${participants} where ${participants.conferenceId} in ${inRound})`;
	const tables = sql`(select id from ${conferenceTables} where ${conferenceTables.conferenceId} in ${inRound})`;
	const [row] = await db
		.select({
			participants: sql<number>`(select count(*)::int from ${participants} where ${participants.conferenceId} in ${inRound})`,
			votes: sql<number>`(select count(*)::int from ${votes} where ${votes.participantId} in ${people})`,
			notes: sql<number>`(select count(*)::int from ${tableNotes} where ${tableNotes.tableId} in ${tables})`,
			answers: sql<number>`(select count(*)::int from ${tableAnswers} where ${tableAnswers.tableId} in ${tables})`
		})
		.from(rounds)
		.where(eq(rounds.id, roundId));
	return row ?? { participants: 0, votes: 0, notes: 0, answers: 0 };
}

/** The round's tables, whose rooms are emptied after the data goes. */
export async function roundTableIds(db: DbOrTx, conferenceIds: string[]) {
	if (conferenceIds.length === 0) {
		return [];
	}
	const rows = await db
		.select({ id: conferenceTables.id })
		.from(conferenceTables)
		.where(inArray(conferenceTables.conferenceId, conferenceIds));
	return rows.map((r) => r.id);
}

/**
 * Deletes every participant of the given conferences with what they wrote and cast (votes,
 * upvotes, dots cascade), the tables with their decks, notes and answers, and the personal codes.
 */
export async function deleteParticipantData(db: DbOrTx, conferenceIds: string[]) {
	if (conferenceIds.length === 0) {
		return;
	}
	await db.delete(participants).where(inArray(participants.conferenceId, conferenceIds));
	await db.delete(conferenceTables).where(inArray(conferenceTables.conferenceId, conferenceIds));
	await db.delete(verifiedCodes).where(inArray(verifiedCodes.conferenceId, conferenceIds));
}
