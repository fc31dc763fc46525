import { can, type Action } from '$lib/domain/roles';
import { AppError } from '../errors';
import type { DbOrTx } from '../db';
import { findTableForWrite, type TableForWrite, type TableRow } from '../db/queries/tables';

/** A participant as the socket knows them (from the handshake's cookie). */
export interface TableActor {
	id: string;
	conferenceId: string;
	tableId: string | null;
}

/**
 * The table a participant writes to: only their own, in their own conference, only while the
 * conference runs, and only for an `action` a participant may do. Anything else throws before
 * anything is written. Answers the table with its conference's content pack id.
 */
export async function ownTable(
	db: DbOrTx,
	actor: TableActor | null | undefined,
	tableId: string,
	action: Action
): Promise<TableForWrite> {
	if (!actor) {
		throw new AppError(
			'unauthenticated',
			'Du er ikke med i en konferanse ennå. Bli med med koden.'
		);
	}
	if (!can('participant', action) || actor.tableId !== tableId) {
		throw new AppError('forbidden', 'Du sitter ikke ved dette bordet.');
	}
	const found = await findTableForWrite(db, tableId);
	if (!found || found.table.conferenceId !== actor.conferenceId) {
		throw new AppError('forbidden', 'Du sitter ikke ved dette bordet.');
	}
	if (found.stage === 'ended') {
		throw new AppError('locked', 'Konferansen er avsluttet.');
	}
	return found;
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
