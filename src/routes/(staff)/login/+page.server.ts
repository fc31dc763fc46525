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

/** Failed sign-ins per 10 minutes: plenty for typos, far too few to guess a password. */
const FAILURES_PER_EMAIL = 10;
/** Per address: a whole office may sign in from one. */
const FAILURES_PER_ADDRESS = 100;
const WINDOW_SECONDS = 600;

const failureKeys = (email: string, address: string) => ({
	byEmail: `login-fail:email:${email.trim().toLowerCase()}`,
	byAddress: `login-fail:ip:${address}`
});

async function lockedOut(email: string, address: string) {
	const { limiter } = getRuntime();
	const { byEmail, byAddress } = failureKeys(email, address);
	const [emailFailures, addressFailures] = await Promise.all([
		limiter.count(byEmail, WINDOW_SECONDS),
		limiter.count(byAddress, WINDOW_SECONDS)
	]);
	return emailFailures >= FAILURES_PER_EMAIL || addressFailures >= FAILURES_PER_ADDRESS;
}

async function countFailure(email: string, address: string) {
	const { limiter } = getRuntime();
	const { byEmail, byAddress } = failureKeys(email, address);
	await Promise.all([
		limiter.allow(byEmail, FAILURES_PER_EMAIL, WINDOW_SECONDS),
		limiter.allow(byAddress, FAILURES_PER_ADDRESS, WINDOW_SECONDS)
	]);
}

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const parsed = parseLoginForm(await request.formData());
		if (!parsed.ok) {
			return fail(400, { email: parsed.values.email ?? '', errors: parsed.errors });
		}
		const { email, password } = parsed.data;
		const address = getClientAddress();
		if (await lockedOut(email, address)) {
			return fail(429, { email, message: m.login_too_many() });
		}
		let token: string;
		try {
			({ token } = await signIn(getRuntime().database.db, email, password));
		} catch (e) {
			if (e instanceof AppError && e.code === 'unauthenticated') {
				await countFailure(email, address);
				return fail(400, { email, message: m.login_wrong() });
			}
			throw e;
		}
		cookies.set(STAFF_COOKIE, token, cookieOptions(url.protocol === 'https:', STAFF_SESSION_DAYS));
		redirect(303, safeNext(url.searchParams.get('next')));
	}
};
