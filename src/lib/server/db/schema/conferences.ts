import { pgTable, uuid, text, timestamp, date, index } from 'drizzle-orm/pg-core';
import { rounds, regions } from './rounds';

/** One county conference of a round. */
export const conferences = pgTable(
	'conferences',
	{
		id: uuid().primaryKey().defaultRandom(),
		roundId: uuid()
			.notNull()
			.references(() => rounds.id, { onDelete: 'cascade' }),
		regionId: uuid()
			.notNull()
			.references(() => regions.id, { onDelete: 'restrict' }),
		title: text().notNull(),
		/** 6 characters from an alphabet without look-alikes; stored upper-case. */
		joinCode: text().notNull().unique(),
		/** draft | live | closed */
		status: text().notNull().default('live'),
		startsOn: date(),
		place: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.roundId)]
);
