import { pgTable, uuid, text, timestamp, jsonb, unique } from 'drizzle-orm/pg-core';

/**
 * One imported version of a content pack. A version is immutable: the parsed pack is stored
 * whole, with a checksum so a re-import of the same files is recognised and changes nothing.
 */
export const contentPacks = pgTable(
	'content_packs',
	{
		id: uuid().primaryKey().defaultRandom(),
		packId: text().notNull(),
		version: text().notNull(),
		title: text().notNull(),
		checksum: text().notNull(),
		data: jsonb().notNull(),
		importedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [unique().on(t.packId, t.version)]
);
