import { TablesDealInput } from '$lib/realtime/schemas';
import { rooms } from '$lib/realtime/rooms';
import { requireStaff } from '../../auth/guard';
import { dealToAllTables } from '../../services/deck';
import { tableSummaries, tablesOverview } from '../../services/table-state';
import { joinToWatch, staffOf, type Handlers } from './context';

/** The facilitator's side of the tables: follow every table, deal to all of them at once. */
export const tablesStaffHandlers: Handlers<'tables:watch' | 'tables:deal'> = {
	// Summaries go to the control room, which only staff of the conference may join.
	'tables:watch': async (context, raw) => {
		const conferenceId = await joinToWatch(context, raw, 'conference:control', rooms.control);
		return tablesOverview(context.db, conferenceId);
	},

	'tables:deal': async (context, raw) => {
		const { io, db, log } = context;
		const { conferenceId, deal } = TablesDealInput.parse(raw);
		await requireStaff(db, await staffOf(context), 'deck:deal', conferenceId);
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
	}
};
