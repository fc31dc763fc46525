import { redirect } from '@sveltejs/kit';
import { STAFF_COOKIE } from '$lib/server/auth/cookies';
import { getRuntime } from '$lib/server/runtime';
import { signOut } from '$lib/server/services/staff-auth';

/** Signs this browser out: the session is deleted on the server, the cookie cleared. */
export const POST = async ({ cookies }) => {
	const token = cookies.get(STAFF_COOKIE);
	if (token) {
		await signOut(getRuntime().database.db, token);
	}
	cookies.delete(STAFF_COOKIE, { path: '/' });
	redirect(303, '/login');
};
