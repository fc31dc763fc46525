import { json } from '@sveltejs/kit';
import { getRuntime } from '$lib/server/runtime';
import { checkReadiness } from '$lib/server/health';

/** The database, and Redis when configured, are reachable: 200, else 503. */
export const GET = async () => {
	const readiness = await checkReadiness(getRuntime());
	return json(readiness, { status: readiness.ok ? 200 : 503 });
};
