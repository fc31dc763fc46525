import {
	DeckCommand,
	NoteAddInput,
	NoteEditInput,
	NoteRemoveInput,
	PinnedNotesInput,
	TableDotInput
} from '$lib/realtime/schemas';
import { rooms } from '$lib/realtime/rooms';
import { actOnDeck } from '../../services/deck';
import { addNote, editNote, removeNote } from '../../services/notes';
import { setDot } from '../../services/table-dots';
import { readPinnedNotes } from '../../services/table-state';
import { tableChanged } from '../table-broadcast';
import type { TableNoteView, TableSnapshot } from '$lib/realtime/table';
import type { TableRow } from '../../db/queries/tables';
import { staffOf, type HandlerContext, type Handlers } from './context';
import { checkWriteLimit } from './limits';

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

/** A point added or edited reaches the table's phones, and the staff's screens (table-broadcast.ts). */
function noteChanged(
	context: HandlerContext,
	{ table, note }: { table: TableRow; note: TableNoteView }
) {
	context.io.to(rooms.table(table.id)).emit('table:note-changed', { tableId: table.id, note });
	tableChanged(context, table, { notes: true });
	return note;
}

/**
 * The card deck in play: the phones at one table share one deck, one list of notes and one
 * dot-vote. A participant acts only on their own table (checked in the services); every change
 * goes to that table's room only, so no phone hears another table.
 */
export const tableHandlers: Handlers<
	| 'table:hello'
	| 'table:deck'
	| 'table:note-add'
	| 'table:note-edit'
	| 'table:note-remove'
	| 'table:dot'
	| 'table:pinned'
> = {
	// The deck screen calls this when it appears while connected; on a (re)connect the phone's
	// hello carries the table instead (phone.ts).
	'table:hello': (context) => helloTable(context),

	'table:deck': async (context, raw) => {
		const { io, socket, db, limits } = context;
		const input = DeckCommand.parse(raw);
		await checkWriteLimit(limits, socket, 'table');
		const { table, pack, view } = await actOnDeck(db, socket.data.participant, input);
		io.to(rooms.table(table.id)).emit('table:deck-changed', view);
		tableChanged(context, table, { pack });
		return view;
	},

	'table:note-add': async (context, raw) => {
		const { socket, db, limits } = context;
		const input = NoteAddInput.parse(raw);
		await checkWriteLimit(limits, socket, 'text');
		return noteChanged(context, await addNote(db, socket.data.participant, input));
	},

	'table:note-edit': async (context, raw) => {
		const { socket, db, limits } = context;
		const input = NoteEditInput.parse(raw);
		await checkWriteLimit(limits, socket, 'text');
		return noteChanged(context, await editNote(db, socket.data.participant, input));
	},

	'table:note-remove': async (context, raw) => {
		const { io, socket, db, limits } = context;
		const input = NoteRemoveInput.parse(raw);
		await checkWriteLimit(limits, socket, 'text');
		const { table, removed } = await removeNote(db, socket.data.participant, input);
		if (removed) {
			const change = { tableId: table.id, noteId: input.noteId };
			io.to(rooms.table(table.id)).emit('table:note-removed', change);
			tableChanged(context, table, { notes: true });
		}
		return { noteId: input.noteId };
	},

	'table:dot': async (context, raw) => {
		const { io, socket, db, limits } = context;
		const input = TableDotInput.parse(raw);
		await checkWriteLimit(limits, socket, 'table');
		const { table, picks, myDots } = await setDot(db, socket.data.participant, input);
		io.to(rooms.table(table.id)).emit('table:picks-changed', picks);
		tableChanged(context, table);
		return { picks, myDots };
	},

	'table:pinned': async (context, raw) => {
		const { tableId } = PinnedNotesInput.parse(raw);
		const viewer = { staff: await staffOf(context), participant: context.socket.data.participant };
		return readPinnedNotes(context.db, viewer, tableId);
	}
};
