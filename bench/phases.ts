import type { PollInfo } from '../src/lib/realtime/events';
import { votable } from './ballots';
import type { Fleet } from './fleet';
import type { BenchOptions } from './flags';
import type {
	JoinResult,
	PhoneSpec,
	ReconnectResult,
	SteadyResult,
	VerifyResult,
	VoteResult
} from './messages';
import type { Monitor } from './monitor';
import type { BenchDatabase, PostgresCounters } from './postgres';
import type { BenchNode } from './servers';
import type { Conference, StaffScreens } from './staff';
import { now, sleepUntil } from './stats';

export interface Bench {
	options: BenchOptions;
	nodes: BenchNode[];
	db: BenchDatabase | null;
	monitor: Monitor;
	screens: StaffScreens;
	fleet: Fleet;
	log(message: string): void;
}

/** Seats per table: phones of one conference fill tables 1, 2, … in eights. */
const SEATS = 8;
const MAX_TABLE = 200;

/** Spreads the phones over conferences (round-robin), tables and nodes. */
export function phoneSpecs(options: BenchOptions, conferences: Conference[]): PhoneSpec[] {
	return Array.from({ length: options.participants }, (_, index) => {
		const conference = conferences[index % conferences.length]!;
		const seat = Math.floor(index / conferences.length);
		const table = seat < SEATS * MAX_TABLE ? 1 + Math.floor(seat / SEATS) : null;
		return {
			index,
			node: index % options.nodes,
			conferenceId: conference.id,
			joinCode: conference.joinCode,
			table,
			drawer: table !== null && seat % SEATS === 0
		};
	});
}

export async function rampUp(b: Bench): Promise<JoinResult[]> {
	const concurrency = Math.ceil(b.options.joinConcurrency / b.fleet.workers.length);
	return b.fleet.all<JoinResult>({ type: 'join', concurrency });
}

export interface SteadyRun {
	results: SteadyResult[];
	startAt: number;
	endAt: number;
	counters: [PostgresCounters, PostgresCounters] | null;
}

/** In the steady state one phone of the whole fleet drops and comes back this often. */
const LONE_RECONNECT_EVERY_MS = 1000;

/** The question the steady state opens first; the vote page is weighed on it before. */
export const FIRST_QUESTION = 'ks-spor-1';

/**
 * The steady state: every phone votes about every participants / rate seconds. A new question
 * opens in every conference just before it starts, then at ¼, ½ and ¾ of the time, so first
 * votes come in waves. With `--openings apart` conference n of K opens each of those n/K of a
 * quarter later, as facilitators in different counties click at their own moments; `together`,
 * all in the same second. Meanwhile one phone at a time drops its connection and comes back.
 */
export async function steady(b: Bench): Promise<SteadyRun> {
	const { duration, participants, rate, drawEvery, openings } = b.options;
	await b.screens.question(FIRST_QUESTION, 'open');
	const before = await b.db?.counters();
	const startAt = now() + 1500;
	const endAt = startAt + duration * 1000;
	const quarterMs = (duration * 1000) / 4;
	const conferenceIds = b.screens.conferenceIds;
	const groups =
		openings === 'together'
			? [{ offsetMs: 0, conferenceIds }]
			: conferenceIds.map((id, n) => ({
					offsetMs: (n / conferenceIds.length) * quarterMs,
					conferenceIds: [id]
				}));
	const questions = ['ks-spor-2', 'ks-spor-3', 'ks-spor-4'];
	const opening = Promise.all(
		questions.flatMap((question, i) =>
			groups.map(async (group) => {
				await sleepUntil(startAt + (i + 1) * quarterMs + group.offsetMs);
				await b.screens.question(question, 'open', group.conferenceIds);
			})
		)
	);
	const workers = b.fleet.workers.length;
	const results = await b.fleet.all<SteadyResult>((w) => ({
		type: 'steady',
		startAt,
		endAt,
		intervalMs: (participants / rate) * 1000,
		drawEveryMs: drawEvery * 1000,
		loneReconnects: {
			everyMs: LONE_RECONNECT_EVERY_MS * workers,
			offsetMs: LONE_RECONNECT_EVERY_MS * w
		}
	}));
	await opening;
	const after = await b.db?.counters();
	return { results, startAt, endAt, counters: before && after ? [before, after] : null };
}

export interface BurstRun {
	results: VoteResult[];
	startAt: number;
	votes: number;
}

/** A new question opens; then `burst` phones vote within one second, each once. */
export async function burst(b: Bench): Promise<BurstRun> {
	const opened = await b.screens.question('ks-spor-5', 'open');
	const polls: Record<string, PollInfo> = {};
	for (const [conferenceId, list] of opened) {
		const poll = list.find(votable);
		if (poll) {
			polls[conferenceId] = poll;
		}
	}
	const workers = b.fleet.workers.length;
	const votes = b.options.burst;
	// Let the phones hear of the new question first, as they would before anyone votes.
	const startAt = now() + 1500;
	const results = await b.fleet.all<VoteResult>((w) => ({
		type: 'burst',
		startAt,
		windowMs: 1000,
		votes: Math.floor(votes / workers) + (w < votes % workers ? 1 : 0),
		polls
	}));
	return { results, startAt, votes };
}

export interface ReconnectRun {
	results: ReconnectResult[];
	startAt: number;
}

/** Every phone drops its connection at the same moment and comes back. */
export async function reconnect(b: Bench): Promise<ReconnectRun> {
	const startAt = now() + 500;
	const results = await b.fleet.all<ReconnectResult>({ type: 'reconnect', startAt });
	return { results, startAt };
}

export async function verify(b: Bench): Promise<VerifyResult[]> {
	return b.fleet.all<VerifyResult>({ type: 'verify' });
}
