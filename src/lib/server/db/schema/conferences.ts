import { sql } from 'drizzle-orm';
import {
	pgTable,
	uuid,
	text,
	timestamp,
	date,
	index,
	boolean,
	jsonb,
	integer,
	unique,
	primaryKey
} from 'drizzle-orm/pg-core';
import { rounds, regions } from './rounds';
import { staffUsers } from './staff';

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
		/** Only holders of a pre-printed personal code may join (and so vote). */
		verified: boolean().notNull().default(false),
		/** The IGP agenda state (domain/agenda.ts); changed by compare-and-set on its version. */
		agenda: jsonb()
			.notNull()
			.default(sql`'{"stage":"lobby","item":{"type":"none"},"locked":false,"version":0}'::jsonb`),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.roundId)]
);

/** Facilitators assigned to a conference. */
export const conferenceFacilitators = pgTable(
	'conference_facilitators',
	{
		conferenceId: uuid()
			.notNull()
			.references(() => conferences.id, { onDelete: 'cascade' }),
		staffId: uuid()
			.notNull()
			.references(() => staffUsers.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.conferenceId, t.staffId] })]
);

/** A table in the room. Created when the first participant picks its number. */
export const conferenceTables = pgTable(
	'conference_tables',
	{
		id: uuid().primaryKey().defaultRandom(),
		conferenceId: uuid()
			.notNull()
			.references(() => conferences.id, { onDelete: 'cascade' }),
		number: integer().notNull(),
		name: text()
	},
	(t) => [unique().on(t.conferenceId, t.number)]
);
