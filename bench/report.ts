import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Openings } from './flags';
import type { ErrorTally } from './messages';
import type { PhaseCpu, PhaseLoop, PhaseStatements } from './monitor';
import type { PostgresSettings } from './postgres';
import type { ProfileSummary } from './profile';
import type { LatencyWindow, Percentiles } from './stats';
import { summaryMarkdown } from './summary';

type P50P95 = Pick<Percentiles, 'p50' | 'p95'>;

/** The benchmark's JSON report. Latencies in milliseconds; null where not measured. */
export interface BenchReport {
	participants: number;
	conferences: number;
	nodes: number;
	database: 'postgres' | 'pglite';
	/** Phones joined and holding a socket after the ramp-up. */
	connected: number;
	/** Connected phones as the servers counted them for the presenter screens. */
	connectedCountedByServer: number;
	/** Acknowledged (so committed) votes per second over the steady state. */
	durableVotesPerSecond: number;
	offeredVotesPerSecond: number;
	ackLatencyMs: Percentiles | null;
	presenterLatencyMs: Percentiles | null;
	crossNodePresenterLatencyMs: Percentiles | null;
	joinMs: P50P95 | null;
	joinsPerSecond: number;
	memoryPerConnectionKB: number;
	/** The same from the servers' V8 heap and external memory rather than RSS. */
	memoryPerConnectionHeapKB: number | null;
	/** Peak resident memory of the largest server node. */
	rssMB: number;
	rssMBPerNode: number[];
	/** Server event-loop lag over the steady state (probe.js: a 20 ms timer, how late it fires). */
	eventLoopDelayMs: Pick<Percentiles, 'p50' | 'p99'> | null;
	lostVotes: number;
	duplicatedVotes: number;
	errors: number;
	reconnectAllMs: number | null;
	phoneJsGzipKB: { join: number; table: number; vote: number };
	burst: {
		votes: number;
		acked: number;
		allAckedMs: number | null;
		ackLatencyMs: Percentiles | null;
		presenterLatencyMs: Percentiles | null;
	} | null;
	steady: {
		seconds: number;
		/** When the 2nd–4th questions opened: apart (each conference at its own moment) or together. */
		openings: Openings;
		votesSent: number;
		votesAcked: number;
		/** Votes a phone did not send because its previous one was still unanswered. */
		votesSkipped: number;
		cardActions: number;
		cardActionMs: Percentiles | null;
		/** Events per second the phones received, by name: no per-vote traffic may reach them. */
		phoneEventsPerSecond: Record<string, number>;
		presenterSamples: number;
		presenterMissed: number;
		/**
		 * At its end, connected phones whose polls (with status) differed from a fresh read of
		 * the server's: each missed a change sent to it.
		 */
		phonesBehind: { checked: number; behind: number; samples: string[] };
		/** Vote → ack per 5 s of the steady state, by when the vote was sent. */
		ackTimeline: LatencyWindow[];
	};
	reconnectMs: P50P95 | null;
	/**
	 * Phones that lost their connection one at a time in the steady state: their successful
	 * attempt → hello answered (the state shown), and how many then showed something other
	 * than a phone of their conference and table that stayed connected.
	 */
	reconnectOne: {
		phones: number;
		ms: (Percentiles & { max: number }) | null;
		/** Of `ms`, until the socket connected (handshake, authentication); the rest is the hello. */
		connectMs: Percentiles | null;
		stale: number;
		staleSamples: string[];
	};
	/** A facilitator's open/close of a question, click → answer. */
	facilitatorActionMs: Percentiles | null;
	/** Phones back after everyone dropped at once (of `connected`), and retried attempts. */
	reconnected: number;
	reconnectRetries: number;
	nation: { connected: boolean; reads: number; readMs: Percentiles | null; failures: string[] };
	phases: Record<
		string,
		{
			seconds: number;
			cpu: PhaseCpu | null;
			loop: PhaseLoop;
			/** SQL statements sent per second, all and the most frequent kinds (null with PGlite). */
			statements: PhaseStatements | null;
		}
	>;
	postgres: {
		settings: PostgresSettings;
		commitsPerSecond: number;
		walSyncsPerSecond: number;
		/** What the app's connections were doing in the steady state and burst, % of samples. */
		activity: Record<string, number>;
	} | null;
	verification: {
		method: string;
		checked: number;
		/** Phones with acknowledged votes that did not come back to read them (SQL still checks). */
		uncheckedPhones: number;
		lostByPhones: number;
		lostBySql: number | null;
		storedRows: number | null;
		tallyVoters: number;
		ackedVoters: number;
		samples: string[];
	};
	errorDetails: ErrorTally & {
		serverErrors: number;
		/** Nodes that exited without being asked to, with their last lines of output. */
		serverCrashes: {
			node: number;
			code: number | null;
			signal: string | null;
			lastLines: string[];
		}[];
		serverErrorKinds: Record<string, number>;
		serverErrorLogs: string[];
		serverWarnings: number;
	};
	targets: { what: string; target: string; measured: string; met: boolean | null }[];
	profile: ProfileSummary[] | null;
	phoneJsFiles: Record<string, string[]>;
	machine: {
		cpu: string;
		cores: number;
		memoryGB: number;
		os: string;
		node: string;
		loadAverageAtStart: number[];
		/** How long calibrate.ts's fixed work took on one core before the run: lower is faster. */
		cpuCalibrationMs: number;
		/**
		 * How long 2,000 one-byte round trips to another process over loopback TCP took before the
		 * run (calibrate.ts): what a socket write and the wake-up it causes cost here; lower is faster.
		 */
		loopbackCalibrationMs: number;
		note: string;
	};
	command: string;
	startedAt: string;
	finishedAt: string;
}

/** Writes the JSON report and, beside it, its Markdown summary; returns both paths. */
export function writeReport(report: BenchReport, out: string): { json: string; md: string } {
	mkdirSync(dirname(out), { recursive: true });
	const md = out.replace(/\.json$/, '') + '.md';
	writeFileSync(out, JSON.stringify(report, null, '\t') + '\n');
	writeFileSync(md, summaryMarkdown(report));
	return { json: out, md };
}
