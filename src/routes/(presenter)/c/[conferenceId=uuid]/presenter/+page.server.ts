import { findConferenceById } from '$lib/server/db/queries/conferences';
import { joinUrl, qrDataUrl } from '$lib/server/join-url';
import { getRuntime } from '$lib/server/runtime';
import { allowStaff, notFound } from '$lib/server/auth/page-guard';
import { packForConference } from '$lib/server/services/content';
import { toViewPack } from '$lib/server/content/view-pack';

export const load = async (event) => {
	const { params, url } = event;
	const runtime = getRuntime();
	const { db } = runtime.database;
	await allowStaff(event, 'presenter:view', params.conferenceId);
	const conference = await findConferenceById(db, params.conferenceId);
	if (!conference) {
		notFound();
	}
	const link = joinUrl(runtime.config.origin, url.origin, conference.joinCode);
	const pack = await packForConference(db, conference.id);
	return {
		conference,
		joinUrl: link,
		qr: await qrDataUrl(link),
		pack: pack ? toViewPack(pack) : null
	};
};
