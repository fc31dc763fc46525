import {
	pgTable,
	uuid,
	text,
	timestamp,
	jsonb,
	boolean,
	index,
	unique,
	primaryKey
} from 'drizzle-orm/pg-core';
import { conferences, conferenceTables } from './conferences';
import { participants } from './participants';

/**
 * One ballot of a "KS spør" question, run in one conference. Created when the facilitator
 * first opens the question. The ballot is copied in, so results never change with the pack.
 */
export const polls = pgTable(
	'polls',
	{
		id: uuid().primaryKey().defaultRandom(),
		conferenceId: uuid()
			.notNull()
			.references(() => conferences.id, { onDelete: 'cascade' }),
		questionId: text().notNull(),
		ballotId: text().notNull(),
		ballot: jsonb().notNull(),
		/** draft | open | closed | revealed */
		status: text().notNull().default('draft'),
		openedAt: timestamp({ withTimezone: true }),
		closedAt: timestamp({ withTimezone: true }),
		revealedAt: timestamp({ withTimezone: true })
	},
	(t) => [unique().on(t.conferenceId, t.ballotId), index().on(t.conferenceId, t.questionId)]
);

/** One participant's vote on one poll: one row, changed in place while the poll is open. */
export const votes = pgTable(
	'votes',
	{
		id: uuid().primaryKey().defaultRandom(),
		pollId: uuid()
			.notNull()
			.references(() => polls.id, { onDelete: 'cascade' }),
		participantId: uuid()
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		value: jsonb().notNull(),
		/** Open-text answers hidden by the facilitator. */
		hidden: boolean().notNull().default(false),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique().on(t.pollId, t.participantId)]
);

/** A participant's upvote of an open-text answer. */
export const textUpvotes = pgTable(
	'text_upvotes',
	{
		voteId: uuid()
			.notNull()
			.references(() => votes.id, { onDelete: 'cascade' }),
		participantId: uuid()
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.voteId, t.participantId] })]
);

/** A table's one agreed answer to a table ballot; whoever at the table saves last wrote it. */
export const tableAnswers = pgTable(
	'table_answers',
	{
		pollId: uuid()
			.notNull()
			.references(() => polls.id, { onDelete: 'cascade' }),
		tableId: uuid()
			.notNull()
			.references(() => conferenceTables.id, { onDelete: 'cascade' }),
		text: text().notNull(),
		participantId: uuid().references(() => participants.id, { onDelete: 'set null' }),
		hidden: boolean().notNull().default(false),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.pollId, t.tableId] })]
);
