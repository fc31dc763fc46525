import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { findConferenceById } from '$lib/server/db/queries/conferences';
import { joinUrl, qrDataUrl } from '$lib/server/join-url';
import { getRuntime } from '$lib/server/runtime';

export const load = async ({ params, url }) => {
	const runtime = getRuntime();
	const conference = await findConferenceById(runtime.database.db, params.conferenceId);
	if (!conference) {
		error(404, { message: m.error_not_found(), code: 'not_found' });
	}
	const link = joinUrl(runtime.config.origin, url.origin, conference.joinCode);
	return { conference, joinUrl: link, qr: await qrDataUrl(link) };
};
