import { getRuntime } from '$lib/server/runtime';
import { listLiveConferences } from '$lib/server/db/queries/conferences';

export const load = async () => {
	const conferences = await listLiveConferences(getRuntime().database.db);
	return { conferences };
};
