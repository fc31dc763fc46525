import { redirect } from '@sveltejs/kit';
import { getRuntime } from '$lib/server/runtime';
import { findConferenceById, getAgenda } from '$lib/server/db/queries/conferences';
import { ownVotes, pollsOfConference } from '$lib/server/db/queries/polls';
import { pollInfo } from '$lib/server/realtime/tallies';
import { packForConference } from '$lib/server/services/content';
import { toViewPack } from '$lib/server/content/view-pack';

export const load = async ({ params, locals }) => {
	const participant = locals.participant;
	// Only a phone that joined this conference may see it; others go back to enter the code.
	if (!participant || participant.conferenceId !== params.conferenceId) {
		redirect(303, '/');
	}
	const { db } = getRuntime().database;
	const [conference, agenda, polls, pack] = await Promise.all([
		findConferenceById(db, params.conferenceId),
		getAgenda(db, params.conferenceId),
		pollsOfConference(db, params.conferenceId),
		packForConference(db, params.conferenceId)
	]);
	if (!conference || !agenda) {
		redirect(303, '/');
	}
	// What is on screen now, with the open ballots and this phone's own votes, is in the page
	// itself: on a slow line the phone can answer before its script and live connection are up
	// (they take several round trips). The live connection's snapshot replaces this one.
	const started = polls.filter((p) => p.status !== 'draft');
	const votes = await ownVotes(
		db,
		participant.id,
		started.map((p) => p.id)
	);
	return {
		conference,
		pack: pack ? toViewPack(pack) : null,
		participant: { tableNumber: participant.tableNumber, role: participant.role },
		initial: { agenda, polls: started.map(pollInfo), votes: Object.fromEntries(votes) }
	};
};
