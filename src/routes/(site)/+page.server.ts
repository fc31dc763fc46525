import { getRuntime } from '$lib/server/runtime';
import { listConferences } from '$lib/server/db/queries/conferences';

export const load = async () => {
	const conferences = await listConferences(getRuntime().database.db);
	return { conferences };
};
