import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { cookieOptions, STAFF_COOKIE, STAFF_SESSION_DAYS } from '$lib/server/auth/cookies';
import { safeNext } from '$lib/server/auth/next-path';
import { AppError } from '$lib/server/errors';
import { parseLoginForm } from '$lib/server/forms/staff';
import { getRuntime } from '$lib/server/runtime';
import { signIn } from '$lib/server/services/staff-auth';

export const load = ({ locals, url }) => {
	if (locals.staff) {
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};

export const actions = {
	default: async ({ request, cookies, url }) => {
		const parsed = parseLoginForm(await request.formData());
		if (!parsed.ok) {
			return fail(400, { email: parsed.values.email ?? '', errors: parsed.errors });
		}
		const { email, password } = parsed.data;
		let token: string;
		try {
			({ token } = await signIn(getRuntime().database.db, email, password));
		} catch (e) {
			if (e instanceof AppError && e.code === 'unauthenticated') {
				return fail(400, { email, message: m.login_wrong() });
			}
			throw e;
		}
		cookies.set(STAFF_COOKIE, token, cookieOptions(url.protocol === 'https:', STAFF_SESSION_DAYS));
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
