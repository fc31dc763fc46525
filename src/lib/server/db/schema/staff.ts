import { pgTable, uuid, text, timestamp, boolean, index } from 'drizzle-orm/pg-core';

/** KS staff: admins run rounds; facilitators run the conferences they are assigned to. */
export const staffUsers = pgTable('staff_users', {
	id: uuid().primaryKey().defaultRandom(),
	/** Stored lower-case. */
	email: text().notNull().unique(),
	name: text().notNull(),
	/** argon2id; null until an invited facilitator sets a password. */
	passwordHash: text(),
	isAdmin: boolean().notNull().default(false),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const staffSessions = pgTable(
	'staff_sessions',
	{
		tokenHash: text().primaryKey(),
		staffId: uuid()
			.notNull()
			.references(() => staffUsers.id, { onDelete: 'cascade' }),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.staffId)]
);

/** One-time links: an invitation to set a first password, or a password reset. */
export const staffTokens = pgTable('staff_tokens', {
	tokenHash: text().primaryKey(),
	staffId: uuid()
		.notNull()
		.references(() => staffUsers.id, { onDelete: 'cascade' }),
	/** invite | reset */
	purpose: text().notNull(),
	expiresAt: timestamp({ withTimezone: true }).notNull(),
	usedAt: timestamp({ withTimezone: true })
});
