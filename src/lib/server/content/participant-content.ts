import { redirect } from '@sveltejs/kit';
import { toViewPack } from '$lib/server/content/view-pack';
import { findConferenceById } from '../db/queries/conferences';
import { getRuntime } from '../runtime';
import { packForConference } from '../services/content';

/**
 * The conference and its content for a phone that joined it (booklet, deck and facts pages).
 * Anyone else goes back to the front page to enter the code, like the phone home.
 */
export async function participantContent(event: {
	locals: App.Locals;
	params: { conferenceId: string };
}) {
	const { conferenceId } = event.params;
	if (event.locals.participant?.conferenceId !== conferenceId) {
		redirect(303, '/');
	}
	const { db } = getRuntime().database;
	const conference = await findConferenceById(db, conferenceId);
	if (!conference) {
		redirect(303, '/');
	}
	const pack = await packForConference(db, conferenceId);
	return {
		conference: { id: conference.id, title: conference.title },
		pack: pack ? toViewPack(pack) : null
	};
}
