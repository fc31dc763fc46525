import { pgTable, uuid, text, timestamp, index } from 'drizzle-orm/pg-core';
import { conferences, conferenceTables } from './conferences';

/**
 * An anonymous participant: only municipality and role are asked. The phone holds a random
 * token in an HttpOnly cookie; only its SHA-256 is stored.
 */
export const participants = pgTable(
	'participants',
	{
		id: uuid().primaryKey().defaultRandom(),
		conferenceId: uuid()
			.notNull()
			.references(() => conferences.id, { onDelete: 'cascade' }),
		tokenHash: text().notNull().unique(),
		/** SSB municipality code, or null for "annet" (other). */
		municipalityCode: text(),
		/** folkevalgt | administrasjon | tillitsvalgt | annet */
		role: text().notNull(),
		tableId: uuid().references(() => conferenceTables.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.conferenceId), index().on(t.tableId)]
);

/** Pre-printed one-time personal codes for a conference in verified mode. */
export const verifiedCodes = pgTable(
	'verified_codes',
	{
		id: uuid().primaryKey().defaultRandom(),
		conferenceId: uuid()
			.notNull()
			.references(() => conferences.id, { onDelete: 'cascade' }),
		code: text().notNull().unique(),
		participantId: uuid()
			.unique()
			.references(() => participants.id, { onDelete: 'set null' }),
		usedAt: timestamp({ withTimezone: true })
	},
	(t) => [index().on(t.conferenceId)]
);
