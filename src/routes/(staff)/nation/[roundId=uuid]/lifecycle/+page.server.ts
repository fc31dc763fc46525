import { m } from '$lib/paraglide/messages';
import { allowStaff } from '$lib/server/auth/page-guard';
import { countRoundData } from '$lib/server/db/queries/round-lifecycle';
import { roundConferences } from '$lib/server/db/queries/nation';
import { done, failWith } from '$lib/server/forms/results';
import { announceRoundClosed, announceRoundDataDeleted } from '$lib/server/realtime/round-events';
import { orNotFound } from '$lib/server/round-page';
import { getRuntime } from '$lib/server/runtime';
import { requireRound } from '$lib/server/services/nation';
import { archiveRound, closeRound, deleteRoundData } from '$lib/server/services/round-lifecycle';

const runtime = () => getRuntime();

export const load = async (event) => {
	await allowStaff(event, 'round:close');
	const { db } = runtime().database;
	const round = await orNotFound(() => requireRound(db, event.params.roundId));
	const [counts, conferences] = await Promise.all([
		countRoundData(db, round.id),
		roundConferences(db, round.id)
	]);
	return {
		round: { id: round.id, name: round.name, status: round.status },
		counts,
		conferences: {
			total: conferences.length,
			open: conferences.filter((c) => c.status !== 'closed').length
		}
	};
};

export const actions = {
	close: async (event) => {
		const staff = await allowStaff(event, 'round:close');
		const { db } = runtime().database;
		try {
			const closed = await closeRound(db, staff, event.params.roundId);
			await announceRoundClosed(runtime().realtime, db, event.params.roundId, closed.polls);
			return done(
				'close',
				m.nation_lifecycle_closed({
					conferences: closed.conferenceIds.length,
					polls: closed.polls.length
				})
			);
		} catch (e) {
			return failWith(e, 'close');
		}
	},
	archive: async (event) => {
		const staff = await allowStaff(event, 'round:close');
		try {
			await archiveRound(runtime().database.db, staff, event.params.roundId);
			return done('archive', m.nation_lifecycle_archived());
		} catch (e) {
			return failWith(e, 'archive');
		}
	},
	deleteData: async (event) => {
		const staff = await allowStaff(event, 'round:delete-data');
		const { db } = runtime().database;
		const form = await event.request.formData();
		try {
			const deleted = await deleteRoundData(
				db,
				staff,
				event.params.roundId,
				String(form.get('confirm') ?? '')
			);
			await announceRoundDataDeleted(runtime().realtime, db, event.params.roundId, deleted);
			return done('deleteData', m.nation_lifecycle_deleted({ ...deleted.counts }));
		} catch (e) {
			return failWith(e, 'deleteData');
		}
	}
};
