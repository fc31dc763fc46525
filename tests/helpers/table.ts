import type { AckResult } from '../../src/lib/realtime/events';
import type { TableDeckView, TableNoteView, TableSnapshot } from '../../src/lib/realtime/table';
import { joinAsParticipant } from './http';
import { connect, request, type TestSocket } from './socket';

/** A phone seated at a table: joined, connected, and said hello to its table. */
export interface Seat {
	socket: TestSocket;
	cookie: string;
	snapshot: TableSnapshot;
	tableId: string;
}

/** Joins `code` at table `number` from a new phone and says hello to the table. */
export async function seat(url: string, code: string, number: number): Promise<Seat> {
	const cookie = await joinAsParticipant(url, code, { table: String(number) });
	return seatWith(url, cookie);
}

/** Connects a phone that has already joined (its cookie) and says hello to its table. */
export async function seatWith(url: string, cookie: string): Promise<Seat> {
	const socket = await connect(url, cookie);
	const hello = await request<TableSnapshot>(socket, 'table:hello', {});
	if (!hello.ok) {
		throw new Error(hello.error.message);
	}
	return { socket, cookie, snapshot: hello.data, tableId: hello.data.table.tableId };
}

export function deck(
	seat: Seat,
	action: 'draw' | 'skip' | 'discuss',
	expectedVersion: number,
	tableId = seat.tableId
): Promise<AckResult<TableDeckView>> {
	return request<TableDeckView>(seat.socket, 'table:deck', { tableId, action, expectedVersion });
}

/** The table as it is now, from a fresh hello. */
export async function current(seat: Seat): Promise<TableSnapshot> {
	const hello = await request<TableSnapshot>(seat.socket, 'table:hello', {});
	if (!hello.ok) {
		throw new Error(hello.error.message);
	}
	return hello.data;
}

export function addNote(
	seat: Seat,
	text: string,
	cardId: string | null = null,
	noteId: string = crypto.randomUUID()
): Promise<AckResult<TableNoteView>> {
	return request<TableNoteView>(seat.socket, 'table:note-add', {
		tableId: seat.tableId,
		noteId,
		cardId,
		text
	});
}

export const errorCode = (result: AckResult<unknown>) => (result.ok ? 'ok' : result.error.code);
