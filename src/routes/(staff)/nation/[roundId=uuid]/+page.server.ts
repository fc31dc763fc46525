import { parseFilter } from '$lib/components/nation/filter';
import { allowStaff } from '$lib/server/auth/page-guard';
import { getRuntime } from '$lib/server/runtime';
import { nationalView } from '$lib/server/services/nation';
import { orNotFound } from '$lib/server/round-page';

export const load = async (event) => {
	await allowStaff(event, 'nation:view');
	const filter = parseFilter(event.url.searchParams);
	const view = await orNotFound(() =>
		nationalView(getRuntime().database.db, event.params.roundId, {
			roles: filter.roles.length > 0 ? filter.roles : null,
			weighting: filter.weighting
		})
	);
	return { view, filter };
};
