import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import {
	conferences,
	conferenceTables,
	participants,
	polls,
	tableAnswers,
	tableNotes,
	textUpvotes,
	votes
} from '../schema';
import { containsPattern } from '$lib/domain/grouping';

/** The free text of a round for the national reading page: answers, table answers, notes. */

export type TextType = 'answer' | 'table-answer' | 'note';

export interface TextFilter {
	regionId?: string;
	questionId?: string;
	/** Lower-case words that must all occur. */
	words: string[];
	/** Only answers in this moderation state (notes are never moderated: they count as shown). */
	state?: 'visible' | 'hidden';
	types: TextType[];
}

export interface TextItem {
	id: string;
	type: TextType;
	text: string;
	/** null for table notes, which are not moderated. */
	hidden: boolean | null;
	upvotes: number;
	regionId: string;
	conference: string;
	tableNumber: number | null;
	questionId: string | null;
	ballotId: string | null;
	cardId: string | null;
	at: Date;
	/** How many matched in all, before the limit. */
	total: number;
}

function matching(text: SQL, words: string[]): SQL[] {
	return words.map((word) => sql`${text} ilike ${containsPattern(word)}`);
}

function placeFilter(filter: TextFilter): SQL[] {
	return filter.regionId ? [eq(conferences.regionId, filter.regionId)] : [];
}

function stateFilter(
	hidden: typeof votes.hidden | typeof tableAnswers.hidden,
	filter: TextFilter
): SQL[] {
	return filter.state ? [sql`${hidden} = ${filter.state === 'hidden'}`] : [];
}

/** Participants' open-text answers. */
export async function answerTexts(db: DbOrTx, roundId: string, filter: TextFilter, limit: number) {
	const text = sql<string>`${votes.value}->>'text'`;
	const rows = await db
		.select({
			id: votes.id,
			text,
			hidden: votes.hidden,
			upvotes: sql<number>`(select count(*)::int from ${textUpvotes} where ${textUpvotes.voteId} = ${votes.id})`,
			regionId: conferences.regionId,
			conference: conferences.title,
			tableNumber: conferenceTables.number,
			questionId: polls.questionId,
			ballotId: polls.ballotId,
			at: votes.createdAt,
			total: sql<number>`(count(*) over ())::int`
		})
		.from(votes)
		.innerJoin(polls, eq(polls.id, votes.pollId))
		.innerJoin(conferences, eq(conferences.id, polls.conferenceId))
		.innerJoin(participants, eq(participants.id, votes.participantId))
		.leftJoin(conferenceTables, eq(conferenceTables.id, participants.tableId))
		.where(
			and(
				eq(conferences.roundId, roundId),
				sql`${polls.ballot}->>'kind' = 'text'`,
				...(filter.questionId ? [eq(polls.questionId, filter.questionId)] : []),
				...placeFilter(filter),
				...stateFilter(votes.hidden, filter),
				...matching(text, filter.words)
			)
		)
		.orderBy(desc(sql`4`), votes.createdAt)
		.limit(limit);
	return rows.map((r) => ({ ...r, type: 'answer' as const, cardId: null }));
}

/** Tables' agreed answers. */
export async function tableAnswerTexts(
	db: DbOrTx,
	roundId: string,
	filter: TextFilter,
	limit: number
) {
	const rows = await db
		.select({
			id: sql<string>`${tableAnswers.pollId}::text || '/' || ${tableAnswers.tableId}::text`,
			text: tableAnswers.text,
			hidden: tableAnswers.hidden,
			regionId: conferences.regionId,
			conference: conferences.title,
			tableNumber: conferenceTables.number,
			questionId: polls.questionId,
			ballotId: polls.ballotId,
			at: tableAnswers.updatedAt,
			total: sql<number>`(count(*) over ())::int`
		})
		.from(tableAnswers)
		.innerJoin(polls, eq(polls.id, tableAnswers.pollId))
		.innerJoin(conferences, eq(conferences.id, polls.conferenceId))
		.innerJoin(conferenceTables, eq(conferenceTables.id, tableAnswers.tableId))
		.where(
			and(
				eq(conferences.roundId, roundId),
				...(filter.questionId ? [eq(polls.questionId, filter.questionId)] : []),
				...placeFilter(filter),
				...stateFilter(tableAnswers.hidden, filter),
				...matching(sql`${tableAnswers.text}`, filter.words)
			)
		)
		.orderBy(conferences.title, conferenceTables.number)
		.limit(limit);
	return rows.map((r) => ({ ...r, type: 'table-answer' as const, upvotes: 0, cardId: null }));
}

/** Tables' notes (innspill); not tied to a question, so left out when one is chosen. */
export async function noteTexts(db: DbOrTx, roundId: string, filter: TextFilter, limit: number) {
	if (filter.questionId || filter.state === 'hidden') {
		return [];
	}
	const rows = await db
		.select({
			id: tableNotes.id,
			text: tableNotes.text,
			regionId: conferences.regionId,
			conference: conferences.title,
			tableNumber: conferenceTables.number,
			cardId: tableNotes.cardId,
			at: tableNotes.createdAt,
			total: sql<number>`(count(*) over ())::int`
		})
		.from(tableNotes)
		.innerJoin(conferenceTables, eq(conferenceTables.id, tableNotes.tableId))
		.innerJoin(conferences, eq(conferences.id, conferenceTables.conferenceId))
		.where(
			and(
				eq(conferences.roundId, roundId),
				...placeFilter(filter),
				...matching(sql`${tableNotes.text}`, filter.words)
			)
		)
		.orderBy(conferences.title, conferenceTables.number, tableNotes.createdAt)
		.limit(limit);
	return rows.map((r) => ({
		...r,
		type: 'note' as const,
		hidden: null,
		upvotes: 0,
		questionId: null,
		ballotId: null
	}));
}
