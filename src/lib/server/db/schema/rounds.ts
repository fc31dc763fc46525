import { pgTable, uuid, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { contentPacks } from './content';

/** A round of conferences, e.g. "Strategikonferansene 2022". */
export const rounds = pgTable('rounds', {
	id: uuid().primaryKey().defaultRandom(),
	name: text().notNull(),
	/** draft | live | closed | archived */
	status: text().notNull().default('live'),
	/** The content pack version this round uses. */
	contentPackId: uuid().references(() => contentPacks.id, { onDelete: 'restrict' }),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

/** A round carries its own set of regions (the 2022 round had 11 counties; today there are 15). */
export const regions = pgTable(
	'regions',
	{
		id: uuid().primaryKey().defaultRandom(),
		roundId: uuid()
			.notNull()
			.references(() => rounds.id, { onDelete: 'cascade' }),
		code: text().notNull(),
		name: text().notNull(),
		/** Today's county codes whose municipalities belong to this region (Viken 2022 → 31, 32, 33). */
		countyCodes: text().array().notNull().default([])
	},
	(t) => [unique().on(t.roundId, t.code)]
);
