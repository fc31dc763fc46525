import { signedIn } from '$lib/server/auth/page-guard';
import { listOverviewConferences, listRounds } from '$lib/server/db/queries/admin';
import { getRuntime } from '$lib/server/runtime';

/** Admins see every round; a facilitator sees only the conferences they are assigned to. */
export const load = async (event) => {
	const staff = signedIn(event);
	const db = getRuntime().database.db;
	const [rounds, conferences] = await Promise.all([
		listRounds(db),
		listOverviewConferences(db, staff.isAdmin ? {} : { staffId: staff.id })
	]);
	const shown = staff.isAdmin
		? rounds
		: rounds.filter((round) => conferences.some((c) => c.roundId === round.id));
	return {
		isAdmin: staff.isAdmin,
		rounds: shown.map((round) => ({
			...round,
			conferences: conferences.filter((c) => c.roundId === round.id)
		}))
	};
};
