import { redirect } from '@sveltejs/kit';

/** The join form posts here by GET; send the phone on to its conference's join page. */
export const GET = ({ url }) => {
	const code = (url.searchParams.get('code') ?? '').replace(/[\s-]/g, '').toUpperCase();
	redirect(303, /^[A-Z0-9]{4,12}$/.test(code) ? `/j/${code}` : '/');
};
