import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { m } from '$lib/paraglide/messages';
import type { VoteValue } from '$lib/domain/ballots/types';
import type {
	AckResult,
	ConferenceSnapshot,
	ControlSnapshot,
	PhoneSnapshot,
	PollInfo,
	PollResults,
	ServerToClientEvents,
	StaffTally
} from '$lib/realtime/events';
import { Meanwhile } from './meanwhile';
import type { AppClientSocket } from './socket';

/** How long to wait for the server to acknowledge a vote before telling the voter. */
const ACK_TIMEOUT_MS = 10_000;

export interface PollProgress {
	voters: number;
	joined: number;
}

/** What a send came to, ready for a component to show. */
export interface SendResult {
	ok: boolean;
	message?: string;
}

/** Any screen's snapshot: phones add their own votes, control views the live tallies. */
export type VotingSnapshot = ConferenceSnapshot &
	Partial<Pick<PhoneSnapshot, 'votes'>> &
	Partial<Pick<ControlSnapshot, 'tallies'>>;

/** The server events this state follows. */
export type VotingEvent = 'polls:changed' | 'poll:results' | 'poll:progress' | 'poll:tally';
type Payload<E extends VotingEvent> = Parameters<ServerToClientEvents[E]>[0];

/** Empties `map` and fills it with `entries`. */
function refill<K, V>(map: Map<K, V>, entries: Iterable<readonly [K, V]>) {
	map.clear();
	for (const [key, value] of entries) {
		map.set(key, value);
	}
}

const byPoll = <T extends { pollId: string }>(items: readonly T[]) =>
	items.map((item) => [item.pollId, item] as const);

/**
 * The polls of one conference as one screen sees them: statuses, revealed results, this phone's
 * own votes, progress (presenter) and live tallies (control). Create one per page (never a
 * module singleton: on the server it would be shared between users).
 */
export class VotingState {
	conferenceId = $state<string | null>(null);
	/** Replaced as a whole by every change (the server always sends the full list). */
	polls = $state.raw<PollInfo[]>([]);
	readonly results = new SvelteMap<string, PollResults>();
	/** This phone's stored votes, by poll id. */
	readonly ownVotes = new SvelteMap<string, VoteValue>();
	readonly progress = new SvelteMap<string, PollProgress>();
	readonly tallies = new SvelteMap<string, StaffTally>();
	/** Answers this phone has starred since the page loaded. */
	readonly upvoted = new SvelteSet<string>();
	/** Events heard between `expectSnapshot` and `loadSnapshot`, to apply again on top of it. */
	#meanwhile = new Meanwhile();
	#stopHearing: (() => (() => void)[]) | null = null;

	/** Call when asking for a snapshot: what changes until it arrives is not lost under it. */
	expectSnapshot(): void {
		this.#stopHearing?.();
		this.#stopHearing = this.#meanwhile.start();
	}

	/** Replaces everything with a (re)connect snapshot, then replays what was heard meanwhile. */
	loadSnapshot(snapshot: VotingSnapshot): void {
		const heard = this.#stopHearing?.() ?? [];
		this.#stopHearing = null;
		this.conferenceId = snapshot.conference.id;
		this.polls = snapshot.polls;
		refill(this.results, byPoll(snapshot.results));
		if (snapshot.votes) {
			refill(this.ownVotes, Object.entries(snapshot.votes));
		}
		if (snapshot.tallies) {
			refill(this.tallies, byPoll(snapshot.tallies));
		}
		// Progress is only ever pushed; an old count is worse than none after a reconnect.
		this.progress.clear();
		heard.forEach((apply) => apply());
	}

	/** Applies one server event's payload. */
	apply<E extends VotingEvent>(event: E, payload: Payload<E>): void {
		// A poll change carries one question's polls (all of them when a round closes).
		const key =
			event === 'polls:changed'
				? `${event}:${(payload as Payload<'polls:changed'>).polls.map((p) => p.id).join()}`
				: `${event}:${(payload as { pollId: string }).pollId}`;
		this.#meanwhile.hear(key, () => this.#applyNow(event, payload));
	}

	#applyNow<E extends VotingEvent>(event: E, payload: Payload<E>): void {
		switch (event) {
			case 'polls:changed':
				return this.applyPolls(payload as Payload<'polls:changed'>);
			case 'poll:results':
				return this.applyResults(payload as Payload<'poll:results'>);
			case 'poll:progress':
				return this.applyProgress(payload as Payload<'poll:progress'>);
			case 'poll:tally':
				return this.applyTally(payload as Payload<'poll:tally'>);
		}
	}

	/** The changed polls replace their old selves; the other questions' polls stay as they are. */
	applyPolls(change: Payload<'polls:changed'>): void {
		if (this.conferenceId !== null && change.conferenceId !== this.conferenceId) {
			return;
		}
		const changed = change.polls.map((p) => p.id);
		this.polls = [...this.polls.filter((p) => !changed.includes(p.id)), ...change.polls];
	}

	applyResults(results: PollResults): void {
		this.results.set(results.pollId, results);
	}

	applyProgress({ pollId, voters, joined }: Payload<'poll:progress'>): void {
		this.progress.set(pollId, { voters, joined });
	}

	applyTally(tally: StaffTally): void {
		this.tallies.set(tally.pollId, tally);
	}

	/** Remembers a vote the server has stored (its normalised value, from the ack). */
	recordVote(pollId: string, value: VoteValue): void {
		this.#meanwhile.hear(`vote:${pollId}`, () => this.ownVotes.set(pollId, value));
	}

	recordUpvote(answerId: string): void {
		this.upvoted.add(answerId);
	}

	/**
	 * The polls of one question. The server sends them in no particular order; pass the
	 * question's ballot ids to get them in the question's order (unknown ones go last).
	 */
	pollsOfQuestion(questionId: string, ballotOrder: readonly string[] = []): PollInfo[] {
		const place = (p: PollInfo) => {
			const i = ballotOrder.indexOf(p.ballotId);
			return i === -1 ? ballotOrder.length : i;
		};
		return this.polls
			.filter((p) => p.questionId === questionId)
			.map((p, i) => ({ p, i }))
			.sort((a, b) => place(a.p) - place(b.p) || a.i - b.i)
			.map(({ p }) => p);
	}

	/** Follows the four voting events on `socket`; returns a function that stops following. */
	listen(socket: AppClientSocket): () => void {
		const onPolls = (change: Payload<'polls:changed'>) => this.apply('polls:changed', change);
		const onResults = (results: PollResults) => this.apply('poll:results', results);
		const onProgress = (progress: Payload<'poll:progress'>) =>
			this.apply('poll:progress', progress);
		const onTally = (tally: StaffTally) => this.apply('poll:tally', tally);
		socket.on('polls:changed', onPolls);
		socket.on('poll:results', onResults);
		socket.on('poll:progress', onProgress);
		socket.on('poll:tally', onTally);
		return () => {
			socket.off('polls:changed', onPolls);
			socket.off('poll:results', onResults);
			socket.off('poll:progress', onProgress);
			socket.off('poll:tally', onTally);
		};
	}

	/** Sends a vote and, once the server has stored it, records it as this phone's own. */
	async vote(socket: AppClientSocket, pollId: string, value: VoteValue): Promise<SendResult> {
		const ack = await castVote(socket, pollId, value);
		if (!ack.ok) {
			return { ok: false, message: ack.error.message };
		}
		this.recordVote(ack.data.pollId, ack.data.value);
		return { ok: true };
	}

	/** Stars a text answer; remembered so the button shows it was given. */
	async upvote(socket: AppClientSocket, pollId: string, answerId: string): Promise<SendResult> {
		const ack = await sendWithTimeout(() =>
			socket.timeout(ACK_TIMEOUT_MS).emitWithAck('text:upvote', { pollId, answerId })
		);
		if (!ack.ok) {
			return { ok: false, message: ack.error.message };
		}
		this.recordUpvote(answerId);
		return { ok: true };
	}
}

/**
 * Sends a vote; resolves with the server's acknowledgement (the stored, normalised value), or
 * an error result when the server refuses it or does not answer within 10 s.
 */
export function castVote(
	socket: AppClientSocket,
	pollId: string,
	value: VoteValue
): Promise<AckResult<{ pollId: string; value: VoteValue }>> {
	return sendWithTimeout(() =>
		socket.timeout(ACK_TIMEOUT_MS).emitWithAck('vote:cast', { pollId, value })
	);
}

/** A timed-out emit (rejected promise) as an ordinary error result. */
async function sendWithTimeout<T>(send: () => Promise<AckResult<T>>): Promise<AckResult<T>> {
	try {
		return await send();
	} catch {
		return { ok: false, error: { code: 'timeout', message: m.vote_failed() } };
	}
}
