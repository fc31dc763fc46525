import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** One second of a server's own probe (probe.js): event-loop lag samples, memory, SQL sent. */
export interface ProbeSample {
	at: number;
	lags: number[];
	elu: number;
	rss: number;
	heapUsed: number;
	external: number;
	/** Statements sent to PostgreSQL in that second, by shape (none with PGlite). */
	statements: Record<string, number>;
	/** Rows those statements brought back in that second, by shape (none with PGlite). */
	rowsRead?: Record<string, number>;
	/** Each wait for a pooled PostgreSQL connection in that second, ms (none with PGlite). */
	poolWaits?: number[];
}

export interface MemoryAfterGc {
	rss: number;
	heapUsed: number;
	external: number;
}

export interface BenchNode {
	index: number;
	url: string;
	pid: number;
	probes: ProbeSample[];
	/** A full garbage collection in the server, then its memory (probe.js). */
	memoryAfterGc(): Promise<MemoryAfterGc>;
	/** Starts a CPU profile of the server (probe.js, through the inspector). */
	startProfile(): Promise<void>;
	/** Stops the CPU profile and writes it to `file`. */
	stopProfile(file: string): Promise<void>;
	/** How many lines the server logged at level error (the app's unexpected failures). */
	errorCount: number;
	/** The same by message (the log's msg and the error's first line). */
	errorKinds: Record<string, number>;
	/** The first few of those lines of each kind, whole. */
	errorLogs: string[];
	/** Set when the server exited without being asked to: how, and its last lines of output. */
	crashed: { code: number | null; signal: string | null; lastLines: string[] } | null;
	warnings: number;
	stop(): Promise<number | null>;
}

export interface NodeOptions {
	databaseUrl: string | null;
	redisUrl: string | null;
}

const PROBE = fileURLToPath(new URL('./probe.js', import.meta.url));

/** Starts the built app (`node server.js`) on a free loopback port with the probe loaded. */
export async function startNode(index: number, options: NodeOptions): Promise<BenchNode> {
	const env: Record<string, string> = {
		PATH: process.env.PATH ?? '',
		...(process.env.BUILD_DIR ? { BUILD_DIR: process.env.BUILD_DIR } : {}),
		PORT: '0',
		HOST: '127.0.0.1',
		LOG_LEVEL: 'info',
		DATA_DIR: 'memory://',
		NODE_NAME: `bench-${index + 1}`,
		// Every simulated phone shares one loopback address.
		RATE_LIMIT_PER_ADDRESS: '0',
		DEMO_ADMIN_PASSWORD: DEMO_STAFF.password,
		...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
		...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {})
	};
	const child = spawn(process.execPath, ['--expose-gc', '--import', PROBE, 'server.js'], {
		env,
		stdio: ['pipe', 'pipe', 'pipe']
	});
	// The probe answers each command with one line; commands are sent one kind at a time.
	const waiting = new Map<string, (entry: Record<string, unknown>) => void>();
	const command = (cmd: string, answer: string, args: Record<string, unknown> = {}) =>
		new Promise<Record<string, unknown>>((resolve) => {
			if (!alive(child)) {
				return resolve({}); // a crashed node answers nothing; the crash is reported
			}
			waiting.set(answer, resolve);
			child.stdin.write(JSON.stringify({ cmd, ...args }) + '\n');
		});
	// The last lines the server printed (probe lines left out), for a post-mortem.
	const recent: string[] = [];
	let stopping = false;
	const node: BenchNode = {
		index,
		url: '',
		pid: child.pid!,
		probes: [],
		memoryAfterGc: async () => (await command('gc', 'bench:memory')) as unknown as MemoryAfterGc,
		startProfile: async () => {
			await command('profile-start', 'bench:profiling');
		},
		stopProfile: async (file) => {
			await command('profile-stop', 'bench:profiled', { file });
		},
		errorCount: 0,
		errorKinds: {},
		errorLogs: [],
		crashed: null,
		warnings: 0,
		stop: () => {
			stopping = true;
			return stop(child);
		}
	};
	child.once('exit', () => {
		waiting.forEach((resolve) => resolve({}));
		waiting.clear();
	});
	// 'close' comes once its output is read to the end: the last lines include a crash's stack.
	child.once('close', (code, signal) => {
		if (!stopping && node.url) {
			node.crashed = { code, signal, lastLines: [...recent] };
			console.error(
				`[bench] node ${index + 1} exited unexpectedly (code ${code}, signal ${signal}); ` +
					`its last lines:\n${recent.join('\n')}`
			);
		}
	});
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('server did not start in 120 s')), 120_000);
		const stderr: string[] = [];
		const onLine = (line: string, isStderr: boolean) => {
			const entry = parse(line);
			if (entry?.msg !== 'bench:probe') {
				recent.push(line.slice(0, 2000));
				recent.splice(0, recent.length - RECENT_LINES);
			}
			if (!entry) {
				stderr.push(line); // a crash's stack lands here: reported with the crash
			} else if (entry.msg === 'bench:probe') {
				node.probes.push(entry as unknown as ProbeSample);
			} else if (typeof entry.msg === 'string' && waiting.has(entry.msg)) {
				waiting.get(entry.msg)!(entry);
				waiting.delete(entry.msg);
			} else if (entry.msg === 'bench:probe-failed') {
				countError(node, entry, line);
			} else if (entry.msg === 'listening' && typeof entry.port === 'number') {
				clearTimeout(timer);
				resolve(entry.port);
			} else if (entry.level === 'error' || (isStderr && entry.level !== 'warn')) {
				countError(node, entry, line);
			} else if (entry.level === 'warn') {
				node.warnings++;
			}
		};
		createInterface({ input: child.stdout }).on('line', (line) => onLine(line, false));
		createInterface({ input: child.stderr }).on('line', (line) => onLine(line, true));
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}: ${stderr.slice(-20).join('\n')}`));
		});
	});
	node.url = `http://127.0.0.1:${port}`;
	return node;
}

export const DEMO_STAFF = { email: 'demo@droft.no', password: 'bench-demo-passord' };

const alive = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

function stop(child: ChildProcess): Promise<number | null> {
	if (!alive(child)) {
		return Promise.resolve(child.exitCode);
	}
	return new Promise((resolve) => {
		child.once('exit', (code) => resolve(code));
		child.kill('SIGTERM');
	});
}

const ERROR_SAMPLES_PER_KIND = 3;
const RECENT_LINES = 60;

function countError(node: BenchNode, entry: Record<string, unknown>, line: string) {
	node.errorCount++;
	const error = entry.error as { message?: string } | undefined;
	const kind = `${String(entry.msg)}: ${(error?.message ?? '').split('\n')[0]!.slice(0, 120)}`;
	node.errorKinds[kind] = (node.errorKinds[kind] ?? 0) + 1;
	// A few lines of every kind: a rare kind still shows its stack after a flood of another.
	if (node.errorKinds[kind]! <= ERROR_SAMPLES_PER_KIND) {
		node.errorLogs.push(line.slice(0, 3000));
	}
}

function parse(line: string): Record<string, unknown> | null {
	try {
		const value: unknown = JSON.parse(line);
		return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}
