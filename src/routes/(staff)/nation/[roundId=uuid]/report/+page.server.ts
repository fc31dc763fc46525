import { parseFilter } from '$lib/components/nation/filter';
import { allowStaff } from '$lib/server/auth/page-guard';
import { getRuntime } from '$lib/server/runtime';
import { reportPage } from '$lib/server/services/report';
import { orNotFound } from '$lib/server/round-page';

/** The national report: every county side by side, the nation both ways, the top answers. */
export const load = async (event) => {
	await allowStaff(event, 'export:read');
	const roles = parseFilter(event.url.searchParams).roles;
	return orNotFound(() =>
		reportPage(
			getRuntime().database.db,
			event.params.roundId,
			null,
			roles.length > 0 ? roles : null
		)
	);
};
