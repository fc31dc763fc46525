import { TablesDealInput, WatchInput } from '$lib/realtime/schemas';
import { rooms } from '$lib/realtime/rooms';
import { requireStaff } from '../../auth/guard';
import { findStaffIdentity } from '../../db/queries/staff';
import { dealToAllTables } from '../../services/deck';
import { tableSummaries, tablesOverview } from '../../services/table-state';
import type { HandlerContext } from './context';

/** The facilitator's side of the tables: follow every table, deal to all of them at once. */
export function registerTablesStaffHandlers({ io, socket, run, db, log }: HandlerContext) {
	const staff = async () =>
		socket.data.staff ? ((await findStaffIdentity(db, socket.data.staff.id)) ?? null) : null;

	socket.on('tables:watch', (raw, ack) =>
		run(ack, async () => {
			const { conferenceId } = WatchInput.parse(raw);
			await requireStaff(db, await staff(), 'conference:control', conferenceId);
			// Summaries go to the control room, which only staff of the conference may join.
			await socket.join(rooms.control(conferenceId));
			return tablesOverview(db, conferenceId);
		})
	);

	socket.on('tables:deal', (raw, ack) =>
		run(ack, async () => {
			const { conferenceId, deal } = TablesDealInput.parse(raw);
			await requireStaff(db, await staff(), 'deck:deal', conferenceId);
			const changed = await dealToAllTables(db, conferenceId, deal);
			for (const { view } of changed) {
				io.to(rooms.table(view.tableId)).emit('table:deck-changed', view);
			}
			const summaries = await tableSummaries(
				db,
				conferenceId,
				changed.map((c) => c.table)
			).catch((error: unknown) => {
				log.warn('table summaries failed', { conferenceId, error });
				return [];
			});
			for (const summary of summaries) {
				io.to(rooms.control(conferenceId)).emit('tables:summary', summary);
			}
			return { tables: changed.length };
		})
	);
}
