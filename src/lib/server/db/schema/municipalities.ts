import { pgTable, text } from 'drizzle-orm/pg-core';

/** Reference data: Norway's municipalities (SSB), each in its county. */
export const municipalities = pgTable('municipalities', {
	code: text().primaryKey(),
	name: text().notNull(),
	countyCode: text().notNull()
});
