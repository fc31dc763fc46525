import { redirect } from '@sveltejs/kit';
import { cookieMaxAge, cookieName, isLocale } from '$lib/paraglide/runtime';
import { safeNext } from '$lib/server/auth/next-path';

/**
 * The language picker is a plain form, so it works before (or without) JavaScript: the choice is
 * kept in paraglide's cookie, then the phone goes back to the page it came from.
 */
export const GET = ({ url, cookies }) => {
	const lang = url.searchParams.get('lang');
	if (lang && isLocale(lang)) {
		cookies.set(cookieName, lang, {
			path: '/',
			maxAge: cookieMaxAge,
			httpOnly: false,
			sameSite: 'lax',
			secure: url.protocol === 'https:'
		});
	}
	redirect(303, safeNext(url.searchParams.get('next'), '/'));
};
