import { cpuSecondsOf, machineCpuSeconds, postgresCpuSeconds, rssOf } from './proc';
import type { LoopSample } from './messages';
import type { BenchNode } from './servers';
import { mean, now, percentiles, round, type Percentiles } from './stats';

interface Sample {
	at: number;
	rss: (number | null)[];
	serverCpu: (number | null)[];
	workerCpu: number;
	postgresCpu: number;
	machine: { busy: number; total: number };
}

export interface Phase {
	name: string;
	start: number;
	end: number;
}

/** CPU use in a phase, in % of one core (200 % = both cores of a 2-core machine). */
export interface PhaseCpu {
	servers: number[];
	loadGenerators: number;
	postgres: number | null;
	/** The whole machine, in % of all its cores. */
	machineBusy: number;
	/** Everything else on the machine (other people's work), in % of one core. */
	others: number;
}

export interface LoopFigures {
	eventLoopDelayMs: (Percentiles & { max: number }) | null;
	/** Event-loop utilisation, 0–1: the share of time each process's thread was busy. */
	utilisation: number[];
}

/** The servers' event loops in a phase, and the load processes' (which time the answers). */
export type PhaseLoop = LoopFigures & { loadGenerators: LoopFigures };

/** SQL statements the server(s) sent to PostgreSQL in a phase, per second. */
export interface PhaseStatements {
	perSecond: number;
	/** Rows the statements brought back, per second. */
	rowsPerSecond: number;
	/** The most frequent kinds (statementShape in statements.js), most frequent first. */
	top: StatementRate[];
	/** The kinds that brought back the most rows, most first. */
	mostRows: StatementRate[];
	/** How long requests for one of the pool's connections waited, ms: a full pool queues work. */
	poolWaitMs: (Percentiles & { max: number; count: number }) | null;
}

export interface StatementRate {
	statement: string;
	perSecond: number;
	rowsPerSecond: number;
}

const TOP_STATEMENTS = 12;
const MOST_ROWS = 3;

/** Lag percentiles over every process's seconds in the phase; utilisation per process. */
function loopFigures(perProcess: LoopSample[][], phase: Phase | undefined): LoopFigures {
	const within = perProcess.map((samples) =>
		samples.filter((s) => phase && s.at >= phase.start && s.at <= phase.end + 1000)
	);
	const lags = within.flat().flatMap((s) => s.lags);
	const lag = percentiles(lags);
	return {
		eventLoopDelayMs: lag ? { ...lag, max: round(Math.max(...lags))! } : null,
		utilisation: within.map((list) => round(mean(list.map((s) => s.elu)) ?? 0, 2)!)
	};
}

/** Samples the servers' memory and everyone's CPU once a second, and marks the phases. */
export class Monitor {
	readonly samples: Sample[] = [];
	readonly phases: Phase[] = [];
	workerPids: number[] = [];
	/** The load processes' event loops, second by second (fleet.ts). */
	workerLoops: LoopSample[][] = [];
	private timer: NodeJS.Timeout | null = null;

	constructor(
		private readonly nodes: BenchNode[],
		private readonly withPostgres: boolean,
		/** Where to write a CPU profile of each server for each phase, if anywhere. */
		private readonly profileDir: string | null = null
	) {}

	start() {
		this.sample();
		this.timer = setInterval(() => this.sample(), 1000);
	}

	stop() {
		if (this.timer) {
			clearInterval(this.timer);
		}
	}

	/** Runs `action` as the named phase (profiling the servers meanwhile, if asked to). */
	async phase<T>(name: string, action: () => Promise<T>): Promise<T> {
		if (this.profileDir) {
			await Promise.all(this.nodes.map((n) => n.startProfile()));
		}
		const phase = { name, start: now(), end: 0 };
		this.phases.push(phase);
		this.sample();
		try {
			return await action();
		} finally {
			phase.end = now();
			this.sample();
			const dir = this.profileDir;
			if (dir) {
				await Promise.all(
					this.nodes.map((n, i) => n.stopProfile(`${dir}/${name}-node${i + 1}.cpuprofile`))
				);
			}
		}
	}

	peakRssMB(node: number): number {
		const peak = Math.max(0, ...this.samples.map((s) => s.rss[node] ?? 0));
		return round(peak / 2 ** 20)!;
	}

	cpu(name: string): PhaseCpu | null {
		const phase = this.phases.find((p) => p.name === name);
		const inside = this.samples.filter((s) => phase && s.at >= phase.start && s.at <= phase.end);
		const first = inside[0];
		const last = inside.at(-1);
		if (!first || !last || last.at - first.at < 500) {
			return null;
		}
		const seconds = (last.at - first.at) / 1000;
		const pct = (a: number | null, b: number | null) =>
			a === null || b === null ? 0 : round(((b - a) / seconds) * 100)!;
		const machine = last.machine.total - first.machine.total;
		const busy = last.machine.busy - first.machine.busy;
		const servers = this.nodes.map((_, i) =>
			pct(first.serverCpu[i] ?? null, last.serverCpu[i] ?? null)
		);
		const loadGenerators = pct(first.workerCpu, last.workerCpu);
		const postgres = this.withPostgres ? pct(first.postgresCpu, last.postgresCpu) : null;
		const ours = servers.reduce((a, b) => a + b, 0) + loadGenerators + (postgres ?? 0);
		return {
			servers,
			loadGenerators,
			postgres,
			machineBusy: round((busy / machine) * 100)!,
			others: round(Math.max(0, (busy / seconds) * 100 - ours))!
		};
	}

	/** Event-loop lag and utilisation of the servers (probe.js) and load processes in a phase. */
	loop(name: string): PhaseLoop {
		const phase = this.phases.find((p) => p.name === name);
		const servers = this.nodes.map((n) => n.probes);
		return {
			...loopFigures(servers, phase),
			loadGenerators: loopFigures(this.workerLoops, phase)
		};
	}

	/** What the servers asked of PostgreSQL within the named phase; null with PGlite. */
	statements(name: string): PhaseStatements | null {
		const phase = this.phases.find((p) => p.name === name);
		if (!phase || phase.end <= phase.start) {
			return null;
		}
		const counts = new Map<string, number>();
		const rows = new Map<string, number>();
		const waits: number[] = [];
		const add = (map: Map<string, number>, of: Record<string, number> | undefined) => {
			for (const [statement, n] of Object.entries(of ?? {})) {
				map.set(statement, (map.get(statement) ?? 0) + n);
			}
		};
		for (const probe of this.secondsWithin(phase)) {
			waits.push(...(probe.poolWaits ?? []));
			add(counts, probe.statements);
			add(rows, probe.rowsRead);
		}
		if (counts.size === 0) {
			return null;
		}
		const seconds = (phase.end - phase.start) / 1000;
		const rate = (count: number) => round(count / seconds)!;
		const sum = (map: Map<string, number>) => [...map.values()].reduce((a, b) => a + b, 0);
		const wait = percentiles(waits);
		const ranked = (by: Map<string, number>, n: number): StatementRate[] =>
			[...by]
				.sort((a, b) => b[1] - a[1])
				.slice(0, n)
				.map(([statement]) => ({
					statement,
					perSecond: rate(counts.get(statement) ?? 0),
					rowsPerSecond: rate(rows.get(statement) ?? 0)
				}));
		return {
			perSecond: rate(sum(counts)),
			rowsPerSecond: rate(sum(rows)),
			poolWaitMs: wait && { ...wait, max: round(Math.max(...waits))!, count: waits.length },
			top: ranked(counts, TOP_STATEMENTS),
			mostRows: ranked(rows, MOST_ROWS)
		};
	}

	/** Every server's probe lines whose second (the one before `at`) lies mostly in the phase. */
	private secondsWithin(phase: Phase) {
		const half = 500;
		return this.nodes.flatMap((n) =>
			n.probes.filter((p) => p.at > phase.start + half && p.at <= phase.end + half)
		);
	}

	private sample() {
		this.samples.push({
			at: now(),
			rss: this.nodes.map((n) => rssOf(n.pid)),
			serverCpu: this.nodes.map((n) => cpuSecondsOf(n.pid)),
			// The parent (presenters, facilitators, the dashboard) counts with the load processes.
			workerCpu: [process.pid, ...this.workerPids].reduce(
				(sum, pid) => sum + (cpuSecondsOf(pid) ?? 0),
				0
			),
			postgresCpu: this.withPostgres ? postgresCpuSeconds() : 0,
			machine: machineCpuSeconds()
		});
	}
}
