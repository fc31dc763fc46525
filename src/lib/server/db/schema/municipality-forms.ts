import { pgTable, uuid, text, timestamp, jsonb, unique } from 'drizzle-orm/pg-core';
import { rounds } from './rounds';

/**
 * Before the conferences: one form per municipality, opened by a secret link, where its council
 * or working group answers the "KS spør" questions as one body. Counted apart from live votes.
 */
export const municipalityForms = pgTable(
	'municipality_forms',
	{
		id: uuid().primaryKey().defaultRandom(),
		roundId: uuid()
			.notNull()
			.references(() => rounds.id, { onDelete: 'cascade' }),
		municipalityCode: text().notNull(),
		/** SHA-256 of the link's token. */
		tokenHash: text().notNull().unique(),
		/** The body that answered, e.g. "Formannskapet". */
		body: text(),
		/** Answers by ballot id (VoteValue), saved as the body works. */
		answers: jsonb().notNull().default({}),
		submittedAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique().on(t.roundId, t.municipalityCode)]
);
