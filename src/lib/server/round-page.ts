import { m } from '$lib/paraglide/messages';
import { notFound } from '$lib/server/auth/page-guard';
import { AppError } from '$lib/server/errors';

/** Runs a page's loading; a round (or county) that does not exist becomes a 404 page. */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
	try {
		return await load();
	} catch (e) {
		if (e instanceof AppError && e.code === 'not_found') {
			notFound(m.nation_round_not_found());
		}
		throw e;
	}
}
