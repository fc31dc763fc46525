import { can, type Action } from '$lib/domain/roles';
import { AppError } from '../errors';
import type { DbOrTx } from '../db';
import { getAgenda } from '../db/queries/conferences';
import { findTable, type TableRow } from '../db/queries/tables';

/** A participant as the socket knows them (from the handshake's cookie). */
export interface TableActor {
	id: string;
	conferenceId: string;
	tableId: string | null;
}

/**
 * The table a participant acts on: only their own, in their own conference, and for an `action`
 * (no action: reading) only while the conference runs. Anything else throws before anything is
 * read or written.
 */
export async function ownTable(
	db: DbOrTx,
	actor: TableActor | null | undefined,
	tableId: string,
	action?: Action
): Promise<TableRow> {
	if (!actor) {
		throw new AppError(
			'unauthenticated',
			'Du er ikke med i en konferanse ennå. Bli med med koden.'
		);
	}
	if ((action && !can('participant', action)) || actor.tableId !== tableId) {
		throw new AppError('forbidden', 'Du sitter ikke ved dette bordet.');
	}
	const table = await findTable(db, tableId);
	if (!table || table.conferenceId !== actor.conferenceId) {
		throw new AppError('forbidden', 'Du sitter ikke ved dette bordet.');
	}
	if (action) {
		const agenda = await getAgenda(db, table.conferenceId);
		if (agenda?.stage === 'ended') {
			throw new AppError('locked', 'Konferansen er avsluttet.');
		}
	}
	return table;
}

/**
 * The participant's own table, for reading it after a (re)connect: `read` gets the table's id and
 * answers the table row with what else it read; a table of another conference is refused.
 */
export async function readOwnTable<T extends { table: TableRow }>(
	actor: TableActor | null | undefined,
	read: (tableId: string) => Promise<T | undefined>
): Promise<T> {
	if (!actor) {
		throw new AppError(
			'unauthenticated',
			'Du er ikke med i en konferanse ennå. Bli med med koden.'
		);
	}
	if (!actor.tableId) {
		throw new AppError(
			'not_found',
			'Du har ikke valgt bord. Bli med på nytt med koden og velg bordnummer.'
		);
	}
	const found = await read(actor.tableId);
	if (!found || found.table.conferenceId !== actor.conferenceId) {
		throw new AppError('forbidden', 'Du sitter ikke ved dette bordet.');
	}
	return found;
}
