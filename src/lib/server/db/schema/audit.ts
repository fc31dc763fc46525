import { pgTable, uuid, text, timestamp, jsonb, index } from 'drizzle-orm/pg-core';
import { staffUsers } from './staff';

/** Who did what, when: every staff action that changes a conference, a round or its data. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: uuid().primaryKey().defaultRandom(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		staffId: uuid().references(() => staffUsers.id, { onDelete: 'set null' }),
		/** The staff member's e-mail at the time, kept if the account is removed. */
		staffEmail: text().notNull(),
		/** An action name from domain/roles.ts, e.g. "poll:reveal". */
		action: text().notNull(),
		roundId: uuid(),
		conferenceId: uuid(),
		details: jsonb().notNull().default({})
	},
	(t) => [index().on(t.at)]
);
