import type { z } from 'zod';
import { canAddNote, NOTES_FULL, validateNoteText } from '$lib/domain/notes';
import type { NoteAddInput, NoteEditInput, NoteRemoveInput } from '$lib/realtime/schemas';
import type { TableNoteView } from '$lib/realtime/table';
import { AppError } from '../errors';
import type { Db } from '../db';
import {
	countNotes,
	deleteNote,
	findNote,
	insertNote,
	updateNoteIfUnchanged,
	type NoteRow
} from '../db/queries/table-notes';
import { lockTable, type TableRow } from '../db/queries/tables';
import { packById } from './content';
import { hasCard } from './table-cards';
import { ownTable, type TableActor } from './table-access';

/**
 * The table's notes: each point is its own row, added, edited or removed on its own, so points
 * written on several phones at once never overwrite each other.
 */

export function noteView(row: NoteRow): TableNoteView {
	return { id: row.id, cardId: row.cardId, text: row.text, updatedAt: row.updatedAt.toISOString() };
}

function cleanText(raw: string): string {
	const result = validateNoteText(raw);
	if (!result.ok) {
		throw new AppError(result.code === 'too_long' ? 'too_large' : 'bad_request', result.message);
	}
	return result.text;
}

type Changed = { table: TableRow; note: TableNoteView };

export async function addNote(
	db: Db,
	actor: TableActor | null | undefined,
	input: z.infer<typeof NoteAddInput>
): Promise<Changed> {
	const text = cleanText(input.text);
	return db.transaction(async (tx) => {
		const { table, packId } = await ownTable(tx, actor, input.tableId, 'note:write');
		if (input.cardId !== null && !hasCard(await packById(tx, packId), input.cardId)) {
			throw new AppError('bad_request', 'Kortet finnes ikke i konferansens kortstokk.');
		}
		// The table row is the table's lock: two phones adding the last allowed point wait in turn.
		await lockTable(tx, table.id);
		const again = await findNote(tx, table.id, input.noteId);
		if (again) {
			// The phone sent this point before and missed the answer: it is stored once.
			return { table, note: noteView(again) };
		}
		if (!canAddNote(await countNotes(tx, table.id))) {
			throw new AppError('too_large', NOTES_FULL.message);
		}
		const row = await insertNote(tx, {
			id: input.noteId,
			tableId: table.id,
			cardId: input.cardId,
			text,
			participantId: actor!.id
		});
		if (!row) {
			throw new AppError('conflict', 'Punktet kunne ikke lagres. Prøv igjen.');
		}
		return { table, note: noteView(row) };
	});
}

/** Replaces a point's text unless someone changed it since the phone saw it. */
export async function editNote(
	db: Db,
	actor: TableActor | null | undefined,
	input: z.infer<typeof NoteEditInput>
): Promise<Changed> {
	const text = cleanText(input.text);
	return db.transaction(async (tx) => {
		const { table } = await ownTable(tx, actor, input.tableId, 'note:write');
		const expected = new Date(input.expectedUpdatedAt);
		const row = await updateNoteIfUnchanged(tx, table.id, input.noteId, text, expected);
		if (row) {
			return { table, note: noteView(row) };
		}
		if (!(await findNote(tx, table.id, input.noteId))) {
			throw new AppError('not_found', 'Punktet er slettet av noen andre ved bordet.');
		}
		throw new AppError(
			'conflict',
			'Noen andre endret punktet samtidig. Se den nye teksten og prøv igjen; teksten din står der fortsatt.'
		);
	});
}

/** Removes a point; removing one that is already gone is done, not an error. */
export async function removeNote(
	db: Db,
	actor: TableActor | null | undefined,
	input: z.infer<typeof NoteRemoveInput>
): Promise<{ table: TableRow; removed: boolean }> {
	return db.transaction(async (tx) => {
		const { table } = await ownTable(tx, actor, input.tableId, 'note:write');
		return { table, removed: await deleteNote(tx, table.id, input.noteId) };
	});
}
