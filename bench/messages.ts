import type { PollInfo } from '../src/lib/realtime/events';

/** The messages between the benchmark's parent and its load-generator processes (IPC). */

/** One simulated phone: which node it uses, which conference it joins, at which table. */
export interface PhoneSpec {
	index: number;
	node: number;
	conferenceId: string;
	joinCode: string;
	table: number | null;
	/** The one phone of its table that draws and discusses cards. */
	drawer: boolean;
}

export interface WorkerSetup {
	type: 'setup';
	nodeUrls: string[];
	phones: PhoneSpec[];
}

export type Command =
	| { type: 'join'; concurrency: number }
	| {
			type: 'steady';
			startAt: number;
			endAt: number;
			intervalMs: number;
			drawEveryMs: number;
			/** This process drops one phone at a time, every `everyMs` from `offsetMs` on. */
			loneReconnects: { everyMs: number; offsetMs: number };
	  }
	| {
			type: 'burst';
			startAt: number;
			windowMs: number;
			/** How many of this process's phones vote in the burst. */
			votes: number;
			/** The poll each conference votes on, by conference id. */
			polls: Record<string, PollInfo>;
	  }
	| { type: 'reconnect'; startAt: number }
	| { type: 'verify' }
	| { type: 'close' };

export type Request = Command & { id: number };

export interface ErrorTally {
	count: number;
	byKind: Record<string, number>;
	samples: string[];
}

export interface JoinResult {
	joined: number;
	/** Form post → socket connected → phone:hello (carrying the table) answered, per phone. */
	joinMs: number[];
	httpMs: number[];
	helloMs: number[];
	firstAt: number;
	lastAt: number;
	errors: ErrorTally;
}

/** A phone's first vote on a poll: [sentAt, ackAt, node]. */
export type FirstVote = [number, number, number];

export interface VoteResult {
	sent: number;
	acked: number;
	/** Acknowledged no later than the phase's end (the steady state's durable rate). */
	ackedInWindow: number;
	ackMs: number[];
	/** When each vote of `ackMs` was sent, in the same order (the steady state's timeline). */
	sentAt: number[];
	lastAckAt: number;
	/** Phones' first votes per poll, for the vote → presenter latency. */
	firsts: Record<string, FirstVote[]>;
	/** Votes not sent because the phone's previous vote was still unanswered. */
	skipped: number;
	/** Card actions (draw, discuss) answered, and their latency. */
	draws: { ok: number; ms: number[] };
	/** Events the phones received in the phase, by name: no per-vote traffic should reach them. */
	phoneEvents: Record<string, number>;
	errors: ErrorTally;
}

export interface ReconnectResult {
	back: number;
	backMs: number[];
	lastBackAt: number;
	/** Failed attempts that the phone retried (as the browser's socket.io-client would). */
	retries: number;
	errors: ErrorTally;
}

/** Phones that lost their connection one at a time in the steady state, and came back. */
export interface LoneReconnectResult {
	/** Per phone: its successful attempt → its hello answered (the state shown). */
	ms: number[];
	/** The part of `ms` until the socket connected (handshake, authentication), in the same order. */
	connectMs: number[];
	/** Phones that still showed something other than a phone that stayed connected. */
	stale: number;
	staleSamples: string[];
	errors: ErrorTally;
}

/** Connected phones whose polls differed from the server's at the end of the steady state. */
export interface PhonesBehind {
	checked: number;
	behind: number;
	samples: string[];
}

export type SteadyResult = VoteResult & { lone: LoneReconnectResult; behind: PhonesBehind };

/** Every phone's last acknowledged vote: [participantId, pollId, canonical value JSON]. */
export type AckedVote = [string, string, string];

export interface VerifyResult {
	/** Acknowledged votes compared with what phone:hello read back from the database. */
	checked: number;
	/** Phones with acknowledged votes that did not come back to read them (SQL still checks). */
	unchecked: number;
	lost: number;
	lostSamples: string[];
	acked: AckedVote[];
}

/** One second of a process's event loop (loop-sampler.js): lag samples, ms, and utilisation, 0–1. */
export interface LoopSample {
	at: number;
	lags: number[];
	elu: number;
}

export type Reply =
	| { type: 'ready' }
	| ({ type: 'probe' } & LoopSample)
	| { type: 'result'; id: number; result: unknown }
	| { type: 'failed'; id: number; message: string };
