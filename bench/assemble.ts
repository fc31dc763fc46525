import { cpus, release, totalmem, type } from 'node:os';
import type { StaffTally } from '../src/lib/realtime/events';
import type { BenchOptions } from './flags';
import { mergeErrors } from './errors';
import { presenterLatencies } from './latency';
import type { ErrorTally, FirstVote, JoinResult, VerifyResult, VoteResult } from './messages';
import type { Monitor } from './monitor';
import type { NationWatch } from './nation';
import type { BurstRun, ReconnectRun, SteadyRun } from './phases';
import type { PhoneJs } from './phone-js';
import type { PostgresSettings } from './postgres';
import type { ProfileSummary } from './profile';
import type { BenchReport } from './report';
import type { BenchNode } from './servers';
import type { ProgressSample } from './staff';
import { addCounts, latencyTimeline, max, percentiles, round } from './stats';
import { evaluateTargets } from './targets';

export interface Collected {
	options: BenchOptions;
	command: string;
	startedAt: string;
	loadAverage: number[];
	/** The fixed calibration work's duration before the run (calibrate.ts). */
	calibrationMs: number;
	/** 2,000 loopback round trips to another process before the run (calibrate.ts). */
	loopbackMs: number;
	nodes: BenchNode[];
	monitor: Monitor;
	progress: ProgressSample[];
	staffErrors: ErrorTally;
	staffActionMs: number[];
	connectedCountedByServer: number;
	nation: NationWatch;
	joins: JoinResult[];
	memory: { rssBefore: number; rssAfter: number; heapBefore: number; heapAfter: number };
	steady: SteadyRun;
	burst: BurstRun | null;
	reconnect: ReconnectRun;
	verify: VerifyResult[];
	sql: { rows: number; lost: number; duplicated: number; samples: string[] } | null;
	tallies: StaffTally[];
	postgres: { settings: PostgresSettings; activity: Record<string, number> } | null;
	phoneJs: PhoneJs;
	profile: ProfileSummary[] | null;
}

const mergeFirsts = (results: VoteResult[]) => {
	const all: Record<string, FirstVote[]> = {};
	for (const r of results) {
		for (const [pollId, votes] of Object.entries(r.firsts)) {
			(all[pollId] ??= []).push(...votes);
		}
	}
	return all;
};

const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
/** The steady state's ack timeline is cut into windows this long. */
const TIMELINE_WINDOW_MS = 5000;
const p5095 = (samples: number[]) => {
	const p = percentiles(samples);
	return p ? { p50: p.p50, p95: p.p95 } : null;
};

/** The report from everything the run collected. */
export function assemble(c: Collected): BenchReport {
	const { options, steady, monitor } = c;
	const seconds = options.duration;
	const connected = sum(c.joins.map((j) => j.joined));
	const joinSpan =
		(max(c.joins.map((j) => j.lastAt)) ?? 0) - Math.min(...c.joins.map((j) => j.firstAt));
	const steadyLatency = presenterLatencies(mergeFirsts(steady.results), c.progress, options.nodes);
	const burstLatency = c.burst
		? presenterLatencies(mergeFirsts(c.burst.results), c.progress, options.nodes)
		: null;
	const events = addCounts({}, {});
	steady.results.forEach((r) => addCounts(events, r.phoneEvents));
	const verification = verificationOf(c);
	const errorDetails = {
		...mergeErrors([
			...c.joins.map((j) => j.errors),
			...steady.results.map((r) => r.errors),
			...steady.results.map((r) => r.lone.errors),
			...(c.burst?.results ?? []).map((r) => r.errors),
			...c.reconnect.results.map((r) => r.errors),
			c.staffErrors
		]),
		serverErrors: sum(c.nodes.map((n) => n.errorCount)),
		serverCrashes: c.nodes.flatMap((n) => (n.crashed ? [{ node: n.index + 1, ...n.crashed }] : [])),
		serverErrorKinds: c.nodes.reduce((all, n) => addCounts(all, n.errorKinds), {}),
		serverErrorLogs: c.nodes.flatMap((n) => n.errorLogs),
		serverWarnings: sum(c.nodes.map((n) => n.warnings))
	};
	const [pgBefore, pgAfter] = steady.counters ?? [null, null];
	const pgSeconds = pgBefore && pgAfter ? (pgAfter.at - pgBefore.at) / 1000 : 1;
	const steadyLoop = monitor.loop('steady');
	const report: Omit<BenchReport, 'targets'> = {
		participants: options.participants,
		conferences: options.conferences,
		nodes: options.nodes,
		database: options.databaseUrl ? 'postgres' : 'pglite',
		connected,
		connectedCountedByServer: c.connectedCountedByServer,
		durableVotesPerSecond: round(sum(steady.results.map((r) => r.ackedInWindow)) / seconds)!,
		offeredVotesPerSecond: options.rate,
		ackLatencyMs: percentiles(steady.results.flatMap((r) => r.ackMs)),
		presenterLatencyMs: percentiles(steadyLatency.same),
		crossNodePresenterLatencyMs: options.nodes > 1 ? percentiles(steadyLatency.cross) : null,
		joinMs: p5095(c.joins.flatMap((j) => j.joinMs)),
		joinsPerSecond: round(connected / (joinSpan / 1000))!,
		memoryPerConnectionKB: round((c.memory.rssAfter - c.memory.rssBefore) / connected / 1024)!,
		memoryPerConnectionHeapKB: round((c.memory.heapAfter - c.memory.heapBefore) / connected / 1024),
		rssMB: Math.max(...c.nodes.map((_, i) => monitor.peakRssMB(i))),
		rssMBPerNode: c.nodes.map((_, i) => monitor.peakRssMB(i)),
		eventLoopDelayMs: steadyLoop.eventLoopDelayMs
			? { p50: steadyLoop.eventLoopDelayMs.p50, p99: steadyLoop.eventLoopDelayMs.p99 }
			: null,
		lostVotes: Math.max(verification.lostByPhones, verification.lostBySql ?? 0),
		duplicatedVotes:
			Math.max(0, verification.tallyVoters - verification.ackedVoters) + (c.sql?.duplicated ?? 0),
		errors: errorDetails.count + errorDetails.serverErrors + errorDetails.serverCrashes.length,
		reconnectAllMs: round(
			(max(c.reconnect.results.map((r) => r.lastBackAt)) ?? 0) - c.reconnect.startAt
		),
		phoneJsGzipKB: c.phoneJs.kb,
		burst: c.burst && {
			votes: c.burst.votes,
			acked: sum(c.burst.results.map((r) => r.acked)),
			allAckedMs: round((max(c.burst.results.map((r) => r.lastAckAt)) ?? 0) - c.burst.startAt),
			ackLatencyMs: percentiles(c.burst.results.flatMap((r) => r.ackMs)),
			presenterLatencyMs: percentiles([...burstLatency!.same, ...burstLatency!.cross])
		},
		steady: {
			seconds,
			openings: options.openings,
			votesSent: sum(steady.results.map((r) => r.sent)),
			votesAcked: sum(steady.results.map((r) => r.acked)),
			votesSkipped: sum(steady.results.map((r) => r.skipped)),
			cardActions: sum(steady.results.map((r) => r.draws.ok)),
			cardActionMs: percentiles(steady.results.flatMap((r) => r.draws.ms)),
			phoneEventsPerSecond: Object.fromEntries(
				Object.entries(events).map(([name, n]) => [name, round(n / seconds)!])
			),
			phonesBehind: {
				checked: sum(steady.results.map((r) => r.behind.checked)),
				behind: sum(steady.results.map((r) => r.behind.behind)),
				samples: steady.results.flatMap((r) => r.behind.samples).slice(0, 5)
			},
			presenterSamples: steadyLatency.same.length + steadyLatency.cross.length,
			presenterMissed: steadyLatency.missed,
			ackTimeline: latencyTimeline(
				steady.results.flatMap((r) => r.sentAt),
				steady.results.flatMap((r) => r.ackMs),
				steady.startAt,
				TIMELINE_WINDOW_MS
			)
		},
		reconnectMs: p5095(c.reconnect.results.flatMap((r) => r.backMs)),
		reconnectOne: reconnectOneOf(steady),
		reconnected: sum(c.reconnect.results.map((r) => r.back)),
		reconnectRetries: sum(c.reconnect.results.map((r) => r.retries)),
		facilitatorActionMs: percentiles(c.staffActionMs),
		nation: {
			connected: c.nation.connected,
			reads: c.nation.readMs.length,
			readMs: percentiles(c.nation.readMs),
			failures: c.nation.failures.slice(0, 10)
		},
		phases: Object.fromEntries(
			monitor.phases.map((p) => [
				p.name,
				{
					seconds: round((p.end - p.start) / 1000)!,
					cpu: monitor.cpu(p.name),
					loop: monitor.loop(p.name),
					statements: monitor.statements(p.name)
				}
			])
		),
		postgres: c.postgres && {
			settings: c.postgres.settings,
			commitsPerSecond: round(((pgAfter?.commits ?? 0) - (pgBefore?.commits ?? 0)) / pgSeconds)!,
			walSyncsPerSecond: round(((pgAfter?.walSyncs ?? 0) - (pgBefore?.walSyncs ?? 0)) / pgSeconds)!,
			activity: shares(c.postgres.activity)
		},
		verification,
		errorDetails,
		profile: c.profile,
		phoneJsFiles: c.phoneJs.files,
		machine: {
			cpu: cpus()[0]?.model ?? 'unknown',
			cores: cpus().length,
			memoryGB: round(totalmem() / 2 ** 30)!,
			os: `${type()} ${release()}`,
			node: process.version,
			loadAverageAtStart: c.loadAverage.map((l) => round(l, 2)!),
			cpuCalibrationMs: c.calibrationMs,
			loopbackCalibrationMs: c.loopbackMs,
			note: 'Load generators, server(s), PostgreSQL and Redis share these cores, on loopback.'
		},
		command: c.command,
		startedAt: c.startedAt,
		finishedAt: new Date().toISOString()
	};
	return { ...report, targets: evaluateTargets(report) };
}

function reconnectOneOf(steady: SteadyRun): BenchReport['reconnectOne'] {
	const ms = steady.results.flatMap((r) => r.lone.ms);
	const p = percentiles(ms);
	return {
		phones: ms.length,
		ms: p && { ...p, max: round(max(ms))! },
		connectMs: percentiles(steady.results.flatMap((r) => r.lone.connectMs)),
		stale: sum(steady.results.map((r) => r.lone.stale)),
		staleSamples: steady.results.flatMap((r) => r.lone.staleSamples).slice(0, 10)
	};
}

function shares(counts: Record<string, number>): Record<string, number> {
	const total = sum(Object.values(counts)) || 1;
	return Object.fromEntries(
		Object.entries(counts)
			.sort((a, b) => b[1] - a[1])
			.map(([what, n]) => [what, round((n / total) * 100)!])
	);
}

/** Every phone's last acknowledged vote against the database, read three ways. */
function verificationOf(c: Collected): BenchReport['verification'] {
	const ackedVoters = new Map<string, Set<string>>();
	for (const [participantId, pollId] of c.verify.flatMap((v) => v.acked)) {
		ackedVoters.set(pollId, (ackedVoters.get(pollId) ?? new Set()).add(participantId));
	}
	const tallyVoters = sum(
		c.tallies.filter((t) => ackedVoters.has(t.pollId)).map((t) => t.tally.voters)
	);
	return {
		method: c.sql
			? 'SQL on the votes table, phone:hello after reconnecting, and the facilitators’ tallies'
			: 'phone:hello after reconnecting (reads the database), and the facilitators’ tallies',
		checked: sum(c.verify.map((v) => v.checked)),
		uncheckedPhones: sum(c.verify.map((v) => v.unchecked)),
		lostByPhones: sum(c.verify.map((v) => v.lost)),
		lostBySql: c.sql?.lost ?? null,
		storedRows: c.sql?.rows ?? null,
		tallyVoters,
		ackedVoters: sum([...ackedVoters.values()].map((s) => s.size)),
		samples: [...c.verify.flatMap((v) => v.lostSamples), ...(c.sql?.samples ?? [])].slice(0, 10)
	};
}
