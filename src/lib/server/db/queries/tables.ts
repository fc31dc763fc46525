import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import {
	conferences,
	conferenceTables,
	rounds,
	tableCardVotes,
	tableDecks,
	tableNotes
} from '../schema';
import type { NoteRow } from './table-notes';
import { DeckState } from '$lib/domain/deck';

export interface TableRow {
	id: string;
	conferenceId: string;
	number: number;
}

const tableColumns = {
	id: conferenceTables.id,
	conferenceId: conferenceTables.conferenceId,
	number: conferenceTables.number
};

export async function findTable(db: DbOrTx, tableId: string): Promise<TableRow | undefined> {
	const [row] = await db
		.select(tableColumns)
		.from(conferenceTables)
		.where(eq(conferenceTables.id, tableId));
	return row;
}

/** A table about to be written to, with what every write checks, read in one statement. */
export interface TableForWrite {
	table: TableRow;
	/** The conference's agenda stage ('ended': no more writes). */
	stage: string | null;
	/** The content pack of the conference's round, if it has one. */
	packId: string | null;
	/** The stored deck; null while the table has none yet. */
	deck: DeckState | null;
}

export async function findTableForWrite(
	db: DbOrTx,
	tableId: string
): Promise<TableForWrite | undefined> {
	const [row] = await db
		.select({
			...tableColumns,
			stage: sql<string | null>`${conferences.agenda}->>'stage'`,
			packId: rounds.contentPackId,
			deck: tableDecks.state
		})
		.from(conferenceTables)
		.innerJoin(conferences, eq(conferences.id, conferenceTables.conferenceId))
		.leftJoin(rounds, eq(rounds.id, conferences.roundId))
		.leftJoin(tableDecks, eq(tableDecks.tableId, conferenceTables.id))
		.where(eq(conferenceTables.id, tableId));
	if (!row) {
		return undefined;
	}
	const { stage, packId, deck, ...table } = row;
	return { table, stage, packId, deck: deck === null ? null : DeckState.parse(deck) };
}

export interface DotRow {
	tableId: string;
	participantId: string;
	cardId: string;
}

/** A table as a phone at it sees it, with what is needed to show its deck. */
export interface TableWhole {
	table: TableRow;
	/** The content pack of the table's conference's round, if it has one. */
	packId: string | null;
	/** The stored deck; null while the table has none yet. */
	deck: DeckState | null;
	/** In the order they were written. */
	notes: NoteRow[];
	dots: DotRow[];
}

type NoteJson = Omit<NoteRow, 'updatedAt'> & { updatedAt: string };

const notesOfTable = sql<NoteJson[]>`coalesce((
	select json_agg(json_build_object('id', n.id, 'tableId', n.table_id, 'cardId', n.card_id,
		'text', n.text, 'updatedAt', n.updated_at) order by n.created_at, n.id)
	from ${tableNotes} n where n.table_id = ${conferenceTables.id}), '[]'::json)`;

const dotsOfTable = sql<DotRow[]>`coalesce((
	select json_agg(json_build_object('tableId', v.table_id, 'participantId', v.participant_id,
		'cardId', v.card_id))
	from ${tableCardVotes} v where v.table_id = ${conferenceTables.id}), '[]'::json)`;

/**
 * The tables whole (row, conference's pack, deck, notes, dots) in one statement for a whole
 * batch: a hall of phones coming back reads its tables in one round trip per batch.
 */
export async function findTablesWhole(db: DbOrTx, tableIds: string[]): Promise<TableWhole[]> {
	if (tableIds.length === 0) {
		return [];
	}
	const rows = await db
		.select({
			...tableColumns,
			packId: rounds.contentPackId,
			deck: tableDecks.state,
			notes: notesOfTable,
			dots: dotsOfTable
		})
		.from(conferenceTables)
		.innerJoin(conferences, eq(conferences.id, conferenceTables.conferenceId))
		.innerJoin(rounds, eq(rounds.id, conferences.roundId))
		.leftJoin(tableDecks, eq(tableDecks.tableId, conferenceTables.id))
		.where(inArray(conferenceTables.id, tableIds));
	return rows.map(({ packId, deck, notes, dots, ...table }) => ({
		table,
		packId,
		deck: deck === null ? null : DeckState.parse(deck),
		notes: notes.map((note) => ({ ...note, updatedAt: new Date(note.updatedAt) })),
		dots
	}));
}

/** The table row, locked until the transaction ends: the table's mutex for count limits. */
export async function lockTable(db: DbOrTx, tableId: string): Promise<TableRow | undefined> {
	const [row] = await db
		.select(tableColumns)
		.from(conferenceTables)
		.where(eq(conferenceTables.id, tableId))
		.for('update');
	return row;
}

export async function listTables(db: DbOrTx, conferenceId: string): Promise<TableRow[]> {
	return db
		.select(tableColumns)
		.from(conferenceTables)
		.where(eq(conferenceTables.conferenceId, conferenceId))
		.orderBy(asc(conferenceTables.number));
}

/* The deck */

export async function getDeck(db: DbOrTx, tableId: string): Promise<DeckState | undefined> {
	const [row] = await db
		.select({ state: tableDecks.state })
		.from(tableDecks)
		.where(eq(tableDecks.tableId, tableId));
	return row ? DeckState.parse(row.state) : undefined;
}

/** The stored decks of these tables, by table id (a table without one is left out). */
export async function getDecks(db: DbOrTx, tableIds: string[]): Promise<Map<string, DeckState>> {
	if (tableIds.length === 0) {
		return new Map();
	}
	const rows = await db
		.select({ tableId: tableDecks.tableId, state: tableDecks.state })
		.from(tableDecks)
		.where(inArray(tableDecks.tableId, tableIds));
	return new Map(rows.map((row) => [row.tableId, DeckState.parse(row.state)]));
}

/** Stores a table's first deck unless another request stored one first. */
export async function insertDeckIfMissing(db: DbOrTx, tableId: string, state: DeckState) {
	await db.insert(tableDecks).values({ tableId, state }).onConflictDoNothing();
}

/** Writes `next` only if the stored deck is still at `expectedVersion`; false when it moved on. */
export async function compareAndSetDeck(
	db: DbOrTx,
	tableId: string,
	expectedVersion: number,
	next: DeckState
): Promise<boolean> {
	const rows = await db
		.update(tableDecks)
		.set({ state: next, updatedAt: sql`now()` })
		.where(
			and(
				eq(tableDecks.tableId, tableId),
				sql`(${tableDecks.state}->>'version')::int = ${expectedVersion}`
			)
		)
		.returning({ tableId: tableDecks.tableId });
	return rows.length === 1;
}

/** The theme of the conference's most recently changed deck: what a new table joins in on. */
export async function latestDeckTheme(db: DbOrTx, conferenceId: string): Promise<string | null> {
	const [row] = await db
		.select({ themeId: sql<string | null>`${tableDecks.state}->>'themeId'` })
		.from(tableDecks)
		.innerJoin(conferenceTables, eq(conferenceTables.id, tableDecks.tableId))
		.where(eq(conferenceTables.conferenceId, conferenceId))
		.orderBy(desc(tableDecks.updatedAt))
		.limit(1);
	return row?.themeId ?? null;
}

/** Every stored deck of the conference's tables, by table id. */
export async function decksOfConference(
	db: DbOrTx,
	conferenceId: string
): Promise<Map<string, DeckState>> {
	const rows = await db
		.select({ tableId: tableDecks.tableId, state: tableDecks.state })
		.from(tableDecks)
		.innerJoin(conferenceTables, eq(conferenceTables.id, tableDecks.tableId))
		.where(eq(conferenceTables.conferenceId, conferenceId));
	return new Map(rows.map((r) => [r.tableId, DeckState.parse(r.state)]));
}

/* The dot-vote */

export async function listDots(db: DbOrTx, tableIds: string[]) {
	if (tableIds.length === 0) {
		return [];
	}
	return db
		.select({
			tableId: tableCardVotes.tableId,
			participantId: tableCardVotes.participantId,
			cardId: tableCardVotes.cardId
		})
		.from(tableCardVotes)
		.where(inArray(tableCardVotes.tableId, tableIds));
}

export async function insertDot(
	db: DbOrTx,
	tableId: string,
	participantId: string,
	cardId: string
) {
	await db.insert(tableCardVotes).values({ tableId, participantId, cardId }).onConflictDoNothing();
}

export async function deleteDot(
	db: DbOrTx,
	tableId: string,
	participantId: string,
	cardId: string
) {
	await db
		.delete(tableCardVotes)
		.where(
			and(
				eq(tableCardVotes.tableId, tableId),
				eq(tableCardVotes.participantId, participantId),
				eq(tableCardVotes.cardId, cardId)
			)
		);
}
