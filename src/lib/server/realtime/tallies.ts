import { isSummed, tallyCounted, tallySums, type Tally } from '$lib/domain/ballots';
import { publicResult } from '$lib/domain/tally';
import { rooms } from '$lib/realtime/rooms';
import type { PollInfo, PollResults, StaffTally } from '$lib/realtime/events';
import type { Db } from '../db';
import type { Logger } from '../log';
import {
	countJoined,
	findPoll,
	pollsProgress,
	pollValueCounts,
	textAnswers,
	type PollRow
} from '../db/queries/polls';
import { roundOfPoll } from '../db/queries/nation';
import { pollVoteSums } from '../db/queries/vote-sums';
import { batchedLookup } from '../batched-lookup';
import { createThrottle } from './throttle';
import { toPhones } from './phone-broadcast';
import type { Io } from './types';
import { createNationBroadcast, type NationBroadcast } from './nation-broadcast';

/**
 * Presenter screens and phones hear of a poll at most this often (5 a second), however many votes
 * arrive: while it is open only how many have voted, a count; once revealed, the results.
 */
const PUBLIC_INTERVAL_MS = 200;
/** The facilitator's live tally, which recomputes the whole result from the stored votes. */
const STAFF_INTERVAL_MS = 1000;
/** How far back a catch-up after a Redis outage reaches. */
const RECENT_MS = 15 * 60 * 1000;

export interface Tallies {
	/** Recompute the poll's tally from the stored votes soon, and send it where it may go. */
	changed(pollId: string): void;
	/** Send again every poll that changed lately: after an outage of Redis, screens on other nodes missed them. */
	resendRecent(): void;
	staffTally(poll: PollRow): Promise<StaffTally>;
	results(poll: PollRow): Promise<PollResults>;
	/** The national dashboards of each poll's round, told of changes (coalesced per round). */
	nation: NationBroadcast;
	stop(): void;
}

export const pollInfo = (p: PollRow): PollInfo => ({
	id: p.id,
	questionId: p.questionId,
	ballotId: p.ballotId,
	ballot: p.ballot,
	status: p.status
});

/**
 * Tallies are never counters: each is computed from the stored votes, then sent coalesced.
 * Hidden results go to the control room only; phones and presenters get them once revealed.
 */
export function createTallies(
	io: Io,
	{ db, progressDb }: { db: Db; progressDb: Db },
	log: Logger
): Tallies {
	const recent = new Map<string, number>();
	const nation = createNationBroadcast(io, (pollId) => roundOfPoll(db, pollId), log);
	const failed = (pollId: string) => (error: unknown) =>
		log.warn('tally failed', { pollId, error });
	const publicUpdates = createThrottle(PUBLIC_INTERVAL_MS, (pollId) => {
		sendPublic(pollId).catch(failed(pollId));
	});
	const staffUpdates = createThrottle(STAFF_INTERVAL_MS, (pollId) => {
		sendStaff(pollId).catch(failed(pollId));
	});
	// Open polls' progress, due at about the same time, is read in one query.
	const progressOf = batchedLookup((pollIds) => pollsProgress(progressDb, pollIds));

	async function staffTally(poll: PollRow): Promise<StaffTally> {
		const [tally, joined, answers] = await Promise.all([
			tallyOf(db, poll),
			countJoined(db, poll.conferenceId),
			isText(poll) ? textAnswers(db, poll) : Promise.resolve([])
		]);
		return { pollId: poll.id, tally, joined, answers };
	}

	async function results(poll: PollRow): Promise<PollResults> {
		const staff = await staffTally(poll);
		return publicOf(staff);
	}

	async function sendPublic(pollId: string) {
		const progress = await progressOf(pollId);
		if (progress?.status === 'open') {
			const { voters, joined, conferenceId } = progress;
			io.to(rooms.presenter(conferenceId)).emit('poll:progress', { pollId, voters, joined });
			return;
		}
		const poll = progress?.status === 'revealed' ? await findPoll(db, pollId) : undefined;
		if (poll) {
			const staff = await staffTally(poll);
			io.to(rooms.control(poll.conferenceId)).emit('poll:tally', staff);
			const results = publicOf(staff);
			io.to(rooms.presenter(poll.conferenceId)).emit('poll:results', results);
			await toPhones(io, poll.conferenceId, 'poll:results', results);
		}
	}

	/** Revealed polls' tallies go with their results (sendPublic). */
	async function sendStaff(pollId: string) {
		const poll = await findPoll(db, pollId);
		if (poll && poll.status !== 'revealed') {
			io.to(rooms.control(poll.conferenceId)).emit('poll:tally', await staffTally(poll));
		}
	}

	function changed(pollId: string) {
		recent.set(pollId, Date.now());
		nation.pollChanged(pollId);
		publicUpdates.schedule(pollId);
		staffUpdates.schedule(pollId);
	}

	function resendRecent() {
		const since = Date.now() - RECENT_MS;
		// A copy: changed() puts each poll back into `recent`, which a live iteration would revisit forever.
		const polls = [...recent];
		recent.clear();
		for (const [pollId, at] of polls) {
			if (at >= since) {
				changed(pollId);
			}
		}
	}

	function stop() {
		publicUpdates.stop();
		staffUpdates.stop();
		nation.stop();
	}

	return { changed, resendRecent, staffTally, results, nation, stop };
}

/** Rankings and points are added up in the database; other votes are counted by value. */
async function tallyOf(db: Db, poll: PollRow): Promise<Tally> {
	const { ballot } = poll;
	if (isSummed(ballot)) {
		return tallySums(ballot, await pollVoteSums(db, { ...poll, ballot }));
	}
	return tallyCounted(ballot, await pollValueCounts(db, poll));
}

function isText(poll: PollRow) {
	return poll.ballot.kind === 'text' || poll.ballot.kind === 'table';
}

function publicOf(staff: StaffTally): PollResults {
	return {
		pollId: staff.pollId,
		result: publicResult(staff.tally),
		answers: staff.answers
			.filter((a) => !a.hidden)
			.map(({ id, text, upvotes, tableNumber }) => ({ id, text, upvotes, tableNumber }))
	};
}
