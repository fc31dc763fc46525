import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import {
	conferences,
	conferenceTables,
	municipalities,
	participants,
	polls,
	regions,
	tableAnswers,
	tableNotes,
	textUpvotes,
	votes
} from '../schema';
import type { Ballot } from '$lib/domain/ballots/types';

/** Queries behind the anonymous exports: where and when, never who (ids stay in the server). */

export interface ExportPoll {
	id: string;
	questionId: string;
	ballotId: string;
	ballot: Ballot;
	status: string;
}

export async function roundPolls(db: DbOrTx, roundId: string): Promise<ExportPoll[]> {
	const rows = await db
		.select({
			id: polls.id,
			questionId: polls.questionId,
			ballotId: polls.ballotId,
			ballot: polls.ballot,
			status: polls.status
		})
		.from(polls)
		.innerJoin(conferences, eq(conferences.id, polls.conferenceId))
		.where(eq(conferences.roundId, roundId));
	return rows as ExportPoll[];
}

const place = {
	conference: conferences.title,
	region: regions.name,
	regionCode: regions.code
};

export interface ExportVote {
	voteId: string;
	/** Used only to give the export's pseudonyms; never written out. */
	participantId: string;
	pollId: string;
	value: unknown;
	hidden: boolean;
	createdAt: Date;
	updatedAt: Date;
	conference: string;
	region: string;
	regionCode: string;
	municipalityCode: string | null;
	municipality: string | null;
	role: string;
	tableNumber: number | null;
}

/** Every vote of the round (free text included), by county, conference and time. */
export async function roundVotes(db: DbOrTx, roundId: string): Promise<ExportVote[]> {
	return db
		.select({
			voteId: votes.id,
			participantId: votes.participantId,
			pollId: votes.pollId,
			value: votes.value,
			hidden: votes.hidden,
			createdAt: votes.createdAt,
			updatedAt: votes.updatedAt,
			...place,
			municipalityCode: participants.municipalityCode,
			municipality: municipalities.name,
			role: participants.role,
			tableNumber: conferenceTables.number
		})
		.from(votes)
		.innerJoin(polls, eq(polls.id, votes.pollId))
		.innerJoin(conferences, eq(conferences.id, polls.conferenceId))
		.innerJoin(regions, eq(regions.id, conferences.regionId))
		.innerJoin(participants, eq(participants.id, votes.participantId))
		.leftJoin(municipalities, eq(municipalities.code, participants.municipalityCode))
		.leftJoin(conferenceTables, eq(conferenceTables.id, participants.tableId))
		.where(eq(conferences.roundId, roundId))
		.orderBy(asc(regions.name), asc(conferences.title), asc(votes.createdAt), asc(votes.id));
}

/** Upvotes of the given votes, by vote id (only open-text answers have any). */
export async function upvoteCounts(db: DbOrTx, voteIds: string[]) {
	const counts = new Map<string, number>();
	for (let i = 0; i < voteIds.length; i += 5000) {
		const rows = await db
			.select({ voteId: textUpvotes.voteId, n: sql<number>`count(*)::int` })
			.from(textUpvotes)
			.where(inArray(textUpvotes.voteId, voteIds.slice(i, i + 5000)))
			.groupBy(textUpvotes.voteId);
		rows.forEach((row) => counts.set(row.voteId, row.n));
	}
	return counts;
}

export interface ExportTableAnswer {
	pollId: string;
	text: string;
	hidden: boolean;
	updatedAt: Date;
	conference: string;
	region: string;
	regionCode: string;
	tableNumber: number;
}

export async function roundTableAnswers(db: DbOrTx, roundId: string): Promise<ExportTableAnswer[]> {
	return db
		.select({
			pollId: tableAnswers.pollId,
			text: tableAnswers.text,
			hidden: tableAnswers.hidden,
			updatedAt: tableAnswers.updatedAt,
			...place,
			tableNumber: conferenceTables.number
		})
		.from(tableAnswers)
		.innerJoin(polls, eq(polls.id, tableAnswers.pollId))
		.innerJoin(conferences, eq(conferences.id, polls.conferenceId))
		.innerJoin(regions, eq(regions.id, conferences.regionId))
		.innerJoin(conferenceTables, eq(conferenceTables.id, tableAnswers.tableId))
		.where(eq(conferences.roundId, roundId))
		.orderBy(asc(regions.name), asc(conferences.title), asc(conferenceTables.number));
}

export interface ExportNote {
	id: string;
	cardId: string | null;
	text: string;
	createdAt: Date;
	updatedAt: Date;
	conference: string;
	region: string;
	regionCode: string;
	regionId: string;
	tableNumber: number;
}

/** The tables' notes (innspill) of the round, or of one of its counties. */
export async function roundNotes(
	db: DbOrTx,
	roundId: string,
	regionId?: string
): Promise<ExportNote[]> {
	return db
		.select({
			id: tableNotes.id,
			cardId: tableNotes.cardId,
			text: tableNotes.text,
			createdAt: tableNotes.createdAt,
			updatedAt: tableNotes.updatedAt,
			...place,
			regionId: regions.id,
			tableNumber: conferenceTables.number
		})
		.from(tableNotes)
		.innerJoin(conferenceTables, eq(conferenceTables.id, tableNotes.tableId))
		.innerJoin(conferences, eq(conferences.id, conferenceTables.conferenceId))
		.innerJoin(regions, eq(regions.id, conferences.regionId))
		.where(
			and(
				eq(conferences.roundId, roundId),
				regionId ? eq(conferences.regionId, regionId) : undefined
			)
		)
		.orderBy(asc(regions.name), asc(conferences.title), asc(tableNotes.createdAt));
}
