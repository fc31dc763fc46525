import { findConferenceById } from '$lib/server/db/queries/conferences';
import { getRuntime } from '$lib/server/runtime';
import { allowStaff, notFound } from '$lib/server/auth/page-guard';
import { packForConference } from '$lib/server/services/content';
import { toViewPack } from '$lib/server/content/view-pack';

export const load = async (event) => {
	const { params } = event;
	const { db } = getRuntime().database;
	await allowStaff(event, 'conference:control', params.conferenceId);
	const conference = await findConferenceById(db, params.conferenceId);
	if (!conference) {
		notFound();
	}
	const pack = await packForConference(db, conference.id);
	return { conference, pack: pack ? toViewPack(pack) : null };
};
