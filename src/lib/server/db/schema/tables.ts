import { pgTable, uuid, text, timestamp, jsonb, index, primaryKey } from 'drizzle-orm/pg-core';
import { conferenceTables } from './conferences';
import { participants } from './participants';

/** A table's card deck (domain/deck.ts DeckState): changed by compare-and-set on its version. */
export const tableDecks = pgTable('table_decks', {
	tableId: uuid()
		.primaryKey()
		.references(() => conferenceTables.id, { onDelete: 'cascade' }),
	state: jsonb().notNull(),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

/** The table's notes (innspill): short points, each added, edited or removed on its own. */
export const tableNotes = pgTable(
	'table_notes',
	{
		id: uuid().primaryKey().defaultRandom(),
		tableId: uuid()
			.notNull()
			.references(() => conferenceTables.id, { onDelete: 'cascade' }),
		cardId: text(),
		text: text().notNull(),
		participantId: uuid().references(() => participants.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index().on(t.tableId)]
);

/** Dot-votes at a table: which discussed cards to raise in plenary. */
export const tableCardVotes = pgTable(
	'table_card_votes',
	{
		tableId: uuid()
			.notNull()
			.references(() => conferenceTables.id, { onDelete: 'cascade' }),
		participantId: uuid()
			.notNull()
			.references(() => participants.id, { onDelete: 'cascade' }),
		cardId: text().notNull()
	},
	(t) => [primaryKey({ columns: [t.tableId, t.participantId, t.cardId] })]
);
