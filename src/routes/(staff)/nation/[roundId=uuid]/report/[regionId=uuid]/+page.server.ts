import { parseFilter } from '$lib/components/nation/filter';
import { allowStaff } from '$lib/server/auth/page-guard';
import { getRuntime } from '$lib/server/runtime';
import { reportPage } from '$lib/server/services/report';
import { orNotFound } from '$lib/server/round-page';

/** A county's report: its conferences, the county against the nation, all its answers and notes. */
export const load = async (event) => {
	await allowStaff(event, 'export:read');
	const roles = parseFilter(event.url.searchParams).roles;
	return orNotFound(() =>
		reportPage(
			getRuntime().database.db,
			event.params.roundId,
			event.params.regionId,
			roles.length > 0 ? roles : null
		)
	);
};
