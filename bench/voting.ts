import type { PollInfo } from '../src/lib/realtime/events';
import type { VoteResult } from './messages';
import { randomVote, votable } from './ballots';
import { noErrors, recordError } from './errors';
import type { Phone } from './phone';
import { now, sleep, sleepUntil } from './stats';

export interface VotePlan {
	startAt: number;
	/** No vote is sent after this; acknowledgements are awaited past it. */
	endAt: number;
	/** Mean time between two votes of one phone (its first comes within one interval). */
	intervalMs: number;
	drawEveryMs: number;
	/** One vote per phone, at a random moment between startAt and endAt. */
	once?: boolean;
	pick(phone: Phone): PollInfo | null;
}

const DRAIN_MS = 60_000;

/**
 * A phone votes first on an open poll it has not answered, else changes a vote: opening a
 * question brings a wave of first votes, as in the room.
 */
export function pickPoll(phone: Phone, polls: Map<string, PollInfo[]>): PollInfo | null {
	const open = (polls.get(phone.spec.conferenceId) ?? []).filter(votable);
	const fresh = open.filter((p) => !phone.acked.has(p.id));
	const from = fresh.length > 0 ? fresh : open;
	return from.length === 0 ? null : from[Math.floor(Math.random() * from.length)]!;
}

/**
 * Every phone votes on its own schedule (open loop: a slow answer does not slow the offered
 * rate), with at most one vote in flight, as a phone's UI waits for its answer. Drawer phones
 * act on their table's deck meanwhile. Resolves once every answer is in.
 */
export async function castVotes(
	phones: Phone[],
	plan: VotePlan
): Promise<Omit<VoteResult, 'phoneEvents'>> {
	const result: Omit<VoteResult, 'phoneEvents'> = {
		sent: 0,
		acked: 0,
		ackedInWindow: 0,
		ackMs: [],
		sentAt: [],
		lastAckAt: 0,
		firsts: {},
		skipped: 0,
		draws: { ok: 0, ms: [] },
		errors: noErrors()
	};
	let inFlight = 0;
	const track = async (action: () => Promise<void>) => {
		inFlight++;
		try {
			await action();
		} finally {
			inFlight--;
		}
	};

	const vote = async (phone: Phone, poll: PollInfo) => {
		const first = !phone.acked.has(poll.id);
		phone.busy = true;
		result.sent++;
		const sentAt = now();
		try {
			await phone.vote(poll, randomVote(poll));
			const ackAt = now();
			result.acked++;
			result.ackedInWindow += ackAt <= plan.endAt ? 1 : 0;
			result.ackMs.push(ackAt - sentAt);
			result.sentAt.push(sentAt);
			result.lastAckAt = Math.max(result.lastAckAt, ackAt);
			if (first) {
				(result.firsts[poll.id] ??= []).push([sentAt, ackAt, phone.spec.node]);
			}
		} catch (error) {
			recordError(result.errors, 'vote', error);
		} finally {
			phone.busy = false;
		}
	};

	const votesOf = async (phone: Phone) => {
		let at = plan.startAt + Math.random() * plan.intervalMs;
		while (at < plan.endAt) {
			await sleepUntil(at);
			const poll = phone.socket && !phone.busy && !phone.away ? plan.pick(phone) : null;
			if (poll) {
				void track(() => vote(phone, poll));
			} else if (phone.busy) {
				result.skipped++; // its last vote is still unanswered: the server is behind
			}
			if (plan.once) {
				break;
			}
			at += plan.intervalMs * (0.5 + Math.random());
		}
	};

	const drawsOf = async (phone: Phone) => {
		for (let at = plan.startAt + Math.random() * plan.drawEveryMs; at < plan.endAt;) {
			await sleepUntil(at);
			const sentAt = now();
			await track(async () => {
				try {
					if (await phone.actOnDeck()) {
						result.draws.ok++;
						result.draws.ms.push(now() - sentAt);
					}
				} catch (error) {
					recordError(result.errors, 'card', error);
				}
			});
			at += plan.drawEveryMs;
		}
	};

	const drawers = plan.drawEveryMs > 0 ? phones.filter((p) => p.spec.drawer && p.tableId) : [];
	await Promise.all([...phones.map(votesOf), ...drawers.map(drawsOf)]);
	for (const deadline = now() + DRAIN_MS; inFlight > 0 && now() < deadline;) {
		await sleep(20);
	}
	return result;
}
