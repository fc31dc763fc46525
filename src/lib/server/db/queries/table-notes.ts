import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { tableNotes } from '../schema';

/* Notes: one row per point. Timestamps are kept to the millisecond, since the edit check compares
   them with what a browser saw, and JavaScript dates have no microseconds. */

export interface NoteRow {
	id: string;
	tableId: string;
	cardId: string | null;
	text: string;
	updatedAt: Date;
}

const noteColumns = {
	id: tableNotes.id,
	tableId: tableNotes.tableId,
	cardId: tableNotes.cardId,
	text: tableNotes.text,
	updatedAt: tableNotes.updatedAt
};

const nowMs = sql`date_trunc('milliseconds', clock_timestamp())`;

/** The table's notes in the order they were written (a batch of tables: `findTablesWhole`). */
export async function listNotes(db: DbOrTx, tableId: string): Promise<NoteRow[]> {
	return db
		.select(noteColumns)
		.from(tableNotes)
		.where(eq(tableNotes.tableId, tableId))
		.orderBy(asc(tableNotes.createdAt), asc(tableNotes.id));
}

export async function countNotes(db: DbOrTx, tableId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(tableNotes)
		.where(eq(tableNotes.tableId, tableId));
	return row?.n ?? 0;
}

/** Inserts a point under the phone's id; undefined when a point with that id exists already. */
export async function insertNote(
	db: DbOrTx,
	values: {
		id: string;
		tableId: string;
		cardId: string | null;
		text: string;
		participantId: string;
	}
): Promise<NoteRow | undefined> {
	const [row] = await db
		.insert(tableNotes)
		.values({ ...values, createdAt: nowMs, updatedAt: nowMs })
		.onConflictDoNothing()
		.returning(noteColumns);
	return row;
}

/**
 * Replaces a point's text only if nobody changed it since `expectedUpdatedAt`. The new
 * timestamp is always later than the old one, even within one millisecond.
 */
export async function updateNoteIfUnchanged(
	db: DbOrTx,
	tableId: string,
	noteId: string,
	text: string,
	expectedUpdatedAt: Date
): Promise<NoteRow | undefined> {
	const [row] = await db
		.update(tableNotes)
		.set({
			text,
			updatedAt: sql`greatest(${nowMs}, ${tableNotes.updatedAt} + interval '1 millisecond')`
		})
		.where(
			and(
				eq(tableNotes.id, noteId),
				eq(tableNotes.tableId, tableId),
				eq(tableNotes.updatedAt, expectedUpdatedAt)
			)
		)
		.returning(noteColumns);
	return row;
}

export async function findNote(db: DbOrTx, tableId: string, noteId: string) {
	const [row] = await db
		.select(noteColumns)
		.from(tableNotes)
		.where(and(eq(tableNotes.id, noteId), eq(tableNotes.tableId, tableId)));
	return row;
}

export async function deleteNote(db: DbOrTx, tableId: string, noteId: string): Promise<boolean> {
	const rows = await db
		.delete(tableNotes)
		.where(and(eq(tableNotes.id, noteId), eq(tableNotes.tableId, tableId)))
		.returning({ id: tableNotes.id });
	return rows.length === 1;
}

/** Points per table, for the facilitator's overview. */
export async function countNotesByTable(
	db: DbOrTx,
	tableIds: string[]
): Promise<Map<string, number>> {
	if (tableIds.length === 0) {
		return new Map();
	}
	const rows = await db
		.select({ tableId: tableNotes.tableId, n: count() })
		.from(tableNotes)
		.where(inArray(tableNotes.tableId, tableIds))
		.groupBy(tableNotes.tableId);
	return new Map(rows.map((r) => [r.tableId, r.n]));
}
