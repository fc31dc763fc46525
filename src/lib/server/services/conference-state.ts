import { AppError } from '../errors';
import type { Db } from '../db';
import { findConferenceById, getAgenda } from '../db/queries/conferences';
import { ownVotes, pollsOfConference } from '../db/queries/polls';
import type { Counts } from '../realtime/counts';
import { pollInfo, type Tallies } from '../realtime/tallies';
import type { ConferenceSnapshot, ControlSnapshot, PresenterSnapshot } from '$lib/realtime/events';
import { shownComparison } from './comparison';

/** The full current state of a conference, as a screen needs it after a (re)connect. */
export async function conferenceSnapshot(
	db: Db,
	counts: Counts,
	tallies: Tallies,
	conferenceId: string
): Promise<ConferenceSnapshot> {
	const [conference, agenda, live, polls] = await Promise.all([
		findConferenceById(db, conferenceId),
		getAgenda(db, conferenceId),
		counts.get(conferenceId),
		pollsOfConference(db, conferenceId)
	]);
	if (!conference || !agenda) {
		throw new AppError('not_found', 'Konferansen finnes ikke.');
	}
	const started = polls.filter((p) => p.status !== 'draft');
	const revealed = started.filter((p) => p.status === 'revealed');
	return {
		conference,
		agenda,
		counts: live,
		polls: started.map(pollInfo),
		results: await Promise.all(revealed.map((p) => tallies.results(p)))
	};
}

/** The presenter's snapshot: also the county-vs-nation comparison showing now, if any. */
export async function presenterSnapshot(
	db: Db,
	counts: Counts,
	tallies: Tallies,
	conferenceId: string
): Promise<PresenterSnapshot> {
	const [snapshot, comparison] = await Promise.all([
		conferenceSnapshot(db, counts, tallies, conferenceId),
		shownComparison(db, conferenceId)
	]);
	return { ...snapshot, comparison };
}

/** The facilitator's snapshot: every poll's live tally, revealed or not, and the comparison. */
export async function controlSnapshot(
	db: Db,
	counts: Counts,
	tallies: Tallies,
	conferenceId: string
): Promise<ControlSnapshot> {
	const snapshot = await presenterSnapshot(db, counts, tallies, conferenceId);
	const polls = (await pollsOfConference(db, conferenceId)).filter((p) => p.status !== 'draft');
	return { ...snapshot, tallies: await Promise.all(polls.map((p) => tallies.staffTally(p))) };
}

/** The phone's own stored votes on the conference's polls. */
export async function phoneVotes(db: Db, participantId: string, snapshot: ConferenceSnapshot) {
	const mine = await ownVotes(
		db,
		participantId,
		snapshot.polls.map((p) => p.id)
	);
	return Object.fromEntries(mine);
}
