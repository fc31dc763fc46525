import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { MIN_PASSWORD_LENGTH } from '$lib/server/auth/passwords';
import { cookieOptions, STAFF_COOKIE, STAFF_SESSION_DAYS } from '$lib/server/auth/cookies';
import { hashToken } from '$lib/server/auth/tokens';
import { findValidStaffToken } from '$lib/server/db/queries/staff';
import { AppError } from '$lib/server/errors';
import { parseStaffForm, PasswordForm } from '$lib/server/forms/staff';
import { getRuntime } from '$lib/server/runtime';
import { setPasswordWithLink, signIn } from '$lib/server/services/staff-auth';

/** Who the link is for; a used or expired link is a clear 404, not a form that cannot work. */
async function linkHolder(token: string) {
	const holder = await findValidStaffToken(getRuntime().database.db, hashToken(token), new Date());
	if (!holder) {
		error(404, { message: m.staff_link_invalid(), code: 'link_invalid' });
	}
	return holder;
}

export const load = async ({ params }) => {
	const holder = await linkHolder(params.token);
	return {
		name: holder.name,
		email: holder.email,
		purpose: holder.purpose,
		minLength: MIN_PASSWORD_LENGTH
	};
};

export const actions = {
	default: async ({ params, request, cookies, url }) => {
		const parsed = parseStaffForm(PasswordForm, await request.formData());
		if (!parsed.ok) {
			return fail(400, { errors: parsed.errors });
		}
		const { password } = parsed.data;
		let token: string;
		try {
			// Set the password and sign in as one step: a half-done link is never left behind.
			token = await getRuntime().database.db.transaction(async (tx) => {
				const holder = await findValidStaffToken(tx, hashToken(params.token), new Date());
				if (!holder) {
					throw new AppError('not_found', m.staff_link_invalid());
				}
				await setPasswordWithLink(tx, params.token, password);
				return (await signIn(tx, holder.email, password)).token;
			});
		} catch (e) {
			if (e instanceof AppError && e.code === 'not_found') {
				return fail(404, { message: m.staff_link_invalid() });
			}
			throw e;
		}
		cookies.set(STAFF_COOKIE, token, cookieOptions(url.protocol === 'https:', STAFF_SESSION_DAYS));
		redirect(303, '/admin');
	}
};
