import {
	DeckCommand,
	NoteAddInput,
	NoteEditInput,
	NoteRemoveInput,
	PinnedNotesInput,
	TableDotInput
} from '$lib/realtime/schemas';
import { rooms } from '$lib/realtime/rooms';
import { findStaffIdentity } from '../../db/queries/staff';
import { actOnDeck } from '../../services/deck';
import { addNote, editNote, removeNote } from '../../services/notes';
import { setDot } from '../../services/table-dots';
import { readPinnedNotes } from '../../services/table-state';
import { tableChanged } from '../table-broadcast';
import type { TableSnapshot } from '$lib/realtime/table';
import type { HandlerContext } from './context';
import { checkWriteLimit } from './limits';
import { registerTablesStaffHandlers } from './tables-staff';

/**
 * The phone's own table, whole (deck, notes, dot-vote), never a replay of changes. The phone is in
 * the table's room before the read, so a change made meanwhile still reaches it.
 */
export async function helloTable(context: HandlerContext): Promise<TableSnapshot> {
	const { socket, snapshots } = context;
	const me = socket.data.participant;
	const room = me?.tableId ? rooms.table(me.tableId) : null;
	if (room) {
		await socket.join(room);
	}
	try {
		const { table, snapshot, created } = await snapshots.table(me);
		if (created) {
			tableChanged(context, table);
		}
		return snapshot;
	} catch (error) {
		if (room) {
			await socket.leave(room);
		}
		throw error;
	}
}

/**
 * The card deck in play: the phones at one table share one deck, one list of notes and one
 * dot-vote. A participant acts only on their own table (checked in the services); every change
 * goes to that table's room only, so no phone hears another table.
 */
export function registerTableHandlers(context: HandlerContext) {
	const { io, socket, run, db, limits } = context;
	const me = () => socket.data.participant;

	// The deck screen calls this when it appears while connected; on a (re)connect the phone's
	// hello carries the table instead (phone.ts).
	socket.on('table:hello', (_raw, ack) => run(ack, () => helloTable(context)));

	socket.on('table:deck', (raw, ack) =>
		run(ack, async () => {
			const input = DeckCommand.parse(raw);
			await checkWriteLimit(limits, socket, 'table');
			const { table, pack, view } = await actOnDeck(db, me(), input);
			io.to(rooms.table(table.id)).emit('table:deck-changed', view);
			tableChanged(context, table, { pack });
			return view;
		})
	);

	socket.on('table:note-add', (raw, ack) =>
		run(ack, async () => {
			const input = NoteAddInput.parse(raw);
			await checkWriteLimit(limits, socket, 'text');
			const { table, note } = await addNote(db, me(), input);
			io.to(rooms.table(table.id)).emit('table:note-changed', { tableId: table.id, note });
			tableChanged(context, table, { notes: true });
			return note;
		})
	);

	socket.on('table:note-edit', (raw, ack) =>
		run(ack, async () => {
			const input = NoteEditInput.parse(raw);
			await checkWriteLimit(limits, socket, 'text');
			const { table, note } = await editNote(db, me(), input);
			io.to(rooms.table(table.id)).emit('table:note-changed', { tableId: table.id, note });
			tableChanged(context, table, { notes: true });
			return note;
		})
	);

	socket.on('table:note-remove', (raw, ack) =>
		run(ack, async () => {
			const input = NoteRemoveInput.parse(raw);
			await checkWriteLimit(limits, socket, 'text');
			const { table, removed } = await removeNote(db, me(), input);
			if (removed) {
				const change = { tableId: table.id, noteId: input.noteId };
				io.to(rooms.table(table.id)).emit('table:note-removed', change);
				tableChanged(context, table, { notes: true });
			}
			return { noteId: input.noteId };
		})
	);

	socket.on('table:dot', (raw, ack) =>
		run(ack, async () => {
			const input = TableDotInput.parse(raw);
			await checkWriteLimit(limits, socket, 'table');
			const { table, picks, myDots } = await setDot(db, me(), input);
			io.to(rooms.table(table.id)).emit('table:picks-changed', picks);
			tableChanged(context, table);
			return { picks, myDots };
		})
	);

	socket.on('table:pinned', (raw, ack) =>
		run(ack, async () => {
			const { tableId } = PinnedNotesInput.parse(raw);
			const staff = socket.data.staff ? await findStaffIdentity(db, socket.data.staff.id) : null;
			return readPinnedNotes(db, { staff: staff ?? null, participant: me() }, tableId);
		})
	);

	registerTablesStaffHandlers(context);
}
