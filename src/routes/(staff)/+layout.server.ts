import { redirect } from '@sveltejs/kit';
import { loginPath } from '$lib/server/auth/next-path';

/** Pages anyone may open: signing in, and setting a password from a one-time link. */
const PUBLIC_ROUTES = new Set(['/(staff)/login', '/(staff)/passord/[token]']);

export const load = ({ locals, route, url }) => {
	if (!locals.staff && !PUBLIC_ROUTES.has(route.id ?? '')) {
		redirect(303, loginPath(url));
	}
	return { staff: locals.staff };
};
