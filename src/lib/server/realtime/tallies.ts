import { tallyVotes } from '$lib/domain/ballots';
import { publicResult } from '$lib/domain/tally';
import { rooms } from '$lib/realtime/rooms';
import type { PollInfo, PollResults, StaffTally } from '$lib/realtime/events';
import type { Db } from '../db';
import type { Logger } from '../log';
import { countJoined, findPoll, pollValues, textAnswers, type PollRow } from '../db/queries/polls';
import type { Io } from './types';
import { createNationBroadcast, type NationBroadcast } from './nation-broadcast';

/** At most this often per poll, however many votes arrive. */
const COALESCE_MS = 250;
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
export function createTallies(io: Io, db: Db, log: Logger): Tallies {
	const pending = new Map<string, NodeJS.Timeout>();
	const recent = new Map<string, number>();
	const nation = createNationBroadcast(io, db, log);

	async function staffTally(poll: PollRow): Promise<StaffTally> {
		const [values, joined, answers] = await Promise.all([
			pollValues(db, poll),
			countJoined(db, poll.conferenceId),
			isText(poll) ? textAnswers(db, poll) : Promise.resolve([])
		]);
		return { pollId: poll.id, tally: tallyVotes(poll.ballot, values), joined, answers };
	}

	async function results(poll: PollRow): Promise<PollResults> {
		const staff = await staffTally(poll);
		return publicOf(staff);
	}

	async function send(pollId: string) {
		const poll = await findPoll(db, pollId);
		if (!poll) {
			return;
		}
		const staff = await staffTally(poll);
		const conferenceId = poll.conferenceId;
		io.to(rooms.control(conferenceId)).emit('poll:tally', staff);
		if (poll.status === 'revealed') {
			io.to([rooms.phones(conferenceId), rooms.presenter(conferenceId)]).emit(
				'poll:results',
				publicOf(staff)
			);
		} else if (poll.status === 'open') {
			io.to(rooms.presenter(conferenceId)).emit('poll:progress', {
				pollId,
				voters: staff.tally.voters,
				joined: staff.joined
			});
		}
	}

	function changed(pollId: string) {
		recent.set(pollId, Date.now());
		nation.pollChanged(pollId);
		if (pending.has(pollId)) {
			return;
		}
		const timer = setTimeout(() => {
			pending.delete(pollId);
			send(pollId).catch((error: unknown) => log.warn('tally failed', { pollId, error }));
		}, COALESCE_MS);
		pending.set(pollId, timer);
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
		pending.forEach((timer) => clearTimeout(timer));
		pending.clear();
		nation.stop();
	}

	return { changed, resendRecent, staffTally, results, nation, stop };
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
