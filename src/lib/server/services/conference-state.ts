import { AppError } from '../errors';
import type { Db } from '../db';
import { findConferenceState } from '../db/queries/conferences';
import { pollsOfConference, votesOfParticipants } from '../db/queries/polls';
import type { Counts } from '../realtime/counts';
import { pollInfo, type Tallies } from '../realtime/tallies';
import type { ConferenceSnapshot, ControlSnapshot, PresenterSnapshot } from '$lib/realtime/events';
import { shownComparison } from './comparison';
import { singleFlight } from '../single-flight';
import { batchedLookup } from '../batched-lookup';

/** The current state of a conference, as every screen needs it after a (re)connect. */
export async function conferenceSnapshot(
	db: Db,
	tallies: Tallies,
	conferenceId: string
): Promise<ConferenceSnapshot> {
	const state = await findConferenceState(db, conferenceId);
	if (!state) {
		throw new AppError('not_found', 'Konferansen finnes ikke.');
	}
	const { conference, agenda, polls } = state;
	const started = polls.filter((p) => p.status !== 'draft');
	const revealed = started.filter((p) => p.status === 'revealed');
	return {
		conference,
		agenda,
		polls: started.map(pollInfo),
		results: await Promise.all(revealed.map((p) => tallies.results(p)))
	};
}

/**
 * The conference's snapshot for phones: phones asking at the same moment (a hall's Wi-Fi coming
 * back) share one read of it. Each phone adds its own votes.
 */
export function phoneSnapshots(db: Db, tallies: Tallies) {
	return singleFlight((conferenceId) => conferenceSnapshot(db, tallies, conferenceId));
}

/** The presenter's snapshot: also who is here, and the county-vs-nation comparison showing now. */
export async function presenterSnapshot(
	db: Db,
	counts: Counts,
	tallies: Tallies,
	conferenceId: string
): Promise<PresenterSnapshot> {
	const [snapshot, live, comparison] = await Promise.all([
		conferenceSnapshot(db, tallies, conferenceId),
		counts.get(conferenceId),
		shownComparison(db, conferenceId)
	]);
	return { ...snapshot, counts: live, comparison };
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

/**
 * The phone's own stored votes on the conference's polls, by poll id. Phones asking together (a
 * hall reconnecting) are read in one query.
 */
export function phoneVotes(db: Db) {
	const votesOf = batchedLookup((participantIds) => votesOfParticipants(db, participantIds));
	return async (participantId: string, snapshot: ConferenceSnapshot) => {
		const mine = (await votesOf(participantId)) ?? {};
		return Object.fromEntries(
			snapshot.polls.flatMap((poll) => (mine[poll.id] ? [[poll.id, mine[poll.id]!]] : []))
		);
	};
}
