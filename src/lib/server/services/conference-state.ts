import { AppError } from '../errors';
import type { Db } from '../db';
import { findConferenceStates, type ConferenceState } from '../db/queries/conferences';
import { pollsOfConference, votesOfParticipants } from '../db/queries/polls';
import type { Counts } from '../realtime/counts';
import { pollInfo, type Tallies } from '../realtime/tallies';
import type { ConferenceSnapshot, ControlSnapshot, PresenterSnapshot } from '$lib/realtime/events';
import { shownComparison } from './comparison';
import { batchedLookup } from '../batched-lookup';

/** What every screen needs of a conference after a (re)connect: its polls begun, results shown. */
async function snapshotOf(tallies: Tallies, state: ConferenceState): Promise<ConferenceSnapshot> {
	const started = state.polls.filter((p) => p.status !== 'draft');
	const revealed = started.filter((p) => p.status === 'revealed');
	return {
		conference: state.conference,
		agenda: state.agenda,
		polls: started.map(pollInfo),
		results: await Promise.all(revealed.map((p) => tallies.results(p)))
	};
}

/** The snapshots of these conferences, by id, from one read of their states. */
async function conferenceSnapshots(db: Db, tallies: Tallies, ids: string[]) {
	const states = await findConferenceStates(db, ids);
	const snapshots = await Promise.all(
		[...states].map(async ([id, state]) => [id, await snapshotOf(tallies, state)] as const)
	);
	return new Map(snapshots);
}

function found(snapshot: ConferenceSnapshot | undefined): ConferenceSnapshot {
	if (!snapshot) {
		throw new AppError('not_found', 'Konferansen finnes ikke.');
	}
	return snapshot;
}

/** The current state of a conference, as every screen needs it after a (re)connect. */
export async function conferenceSnapshot(
	db: Db,
	tallies: Tallies,
	conferenceId: string
): Promise<ConferenceSnapshot> {
	return found((await conferenceSnapshots(db, tallies, [conferenceId])).get(conferenceId));
}

/**
 * The conference's snapshot for phones. Phones asking at the same moment (a hall's Wi-Fi coming
 * back), of one conference or of many, share one read that begins after they asked, and the
 * results shown are tallied once per conference for all of them. Each phone adds its own votes.
 */
export function phoneSnapshots(db: Db, tallies: Tallies) {
	const shared = batchedLookup((ids) => conferenceSnapshots(db, tallies, ids));
	return async (conferenceId: string) => found(await shared(conferenceId));
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
 * hall reconnecting) are read in one query. The votes are read while the conference's snapshot
 * is still on its way, so a hello waits for one read, not two in a row.
 */
export function phoneVotes(db: Db) {
	const votesOf = batchedLookup((participantIds) => votesOfParticipants(db, participantIds));
	return async (participantId: string, snapshot: Promise<ConferenceSnapshot>) => {
		const [mine = {}, { polls }] = await Promise.all([votesOf(participantId), snapshot]);
		return Object.fromEntries(
			polls.flatMap((poll) => (mine[poll.id] ? [[poll.id, mine[poll.id]!]] : []))
		);
	};
}
