import type { ContentPack } from '$lib/content/schema';
import { rooms } from '$lib/realtime/rooms';
import { toPhones } from './phone-broadcast';
import type { Db } from '../db';
import type { TableRow } from '../db/queries/tables';
import type { Logger } from '../log';
import { isPinned, pinnedNotesView, tableSummaries } from '../services/table-state';
import type { Io } from './types';

/**
 * After a table changed: its line in the facilitators' overview (with the conference's content
 * `pack`, if the change read it already), and, when its notes changed
 * while they are on the big screen, the pinned notes for every screen of the conference.
 * Fire-and-forget: the change is already committed and acknowledged, so a failure here is logged,
 * never reported to the phone as if the change had failed.
 */
export function tableChanged(
	deps: { io: Io; db: Db; log: Logger },
	table: TableRow,
	what: { notes?: boolean; pack?: ContentPack } = {}
): void {
	const { io, db, log } = deps;
	void (async () => {
		const [summary] = await tableSummaries(db, table.conferenceId, [table], what.pack);
		if (summary) {
			io.to(rooms.control(table.conferenceId)).emit('tables:summary', summary);
		}
		if (what.notes && (await isPinned(db, table))) {
			const view = await pinnedNotesView(db, table);
			io.to(rooms.screens(table.conferenceId)).emit('table:pinned-changed', view);
			await toPhones(io, table.conferenceId, 'table:pinned-changed', view);
		}
	})().catch((error: unknown) => log.warn('table broadcast failed', { tableId: table.id, error }));
}
