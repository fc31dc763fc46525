import { parseArgs } from 'node:util';

export const OPENINGS = ['together', 'apart'] as const;
export type Openings = (typeof OPENINGS)[number];

/** What one benchmark run does; every field has a flag. */
export interface BenchOptions {
	participants: number;
	conferences: number;
	nodes: number;
	/** Votes per second offered by all phones together in the steady state. */
	rate: number;
	/** Seconds of steady state. */
	duration: number;
	/** Votes in the one-second burst (0: no burst). */
	burst: number;
	out: string;
	joinConcurrency: number;
	clientsPerWorker: number;
	/** Seconds between one table's card actions in the steady state (0: no card draws). */
	drawEvery: number;
	/**
	 * When the steady state's later questions open: `together`, in every conference in the same
	 * second; `apart`, each conference's facilitator at their own moment (spread over the quarter).
	 */
	openings: Openings;
	databaseUrl: string | null;
	redisUrl: string | null;
	profile: boolean;
	keepDb: boolean;
}

export const HELP = `Drøft load benchmark: real socket.io phones, presenters and facilitators against
the built app (run \`npm run build\` first), on loopback, in processes apart from the server.

  npm run bench -- [flags]

  --participants N       phones that join, hold a socket and vote           (10000)
  --conferences K        conferences they are spread over, at most 15       (15)
  --nodes M              server nodes; M > 1 needs PostgreSQL and Redis     (1)
  --rate VOTES_PER_S     votes per second in the steady state, all phones   (2000)
  --duration SECONDS     length of the steady state                         (60)
  --burst N              votes cast within one second after it; 0: none     (participants)
  --draw-every SECONDS   one card action per table this often; 0: none      (60)
  --openings together|apart
                         when the steady state's 2nd–4th questions open:    (together)
                         together, in all K conferences in the same second;
                         apart, each conference's facilitator at their own
                         moment, spread evenly over the quarter
  --join-concurrency C   joins in flight at once, over all load processes   (64)
  --clients-per-worker W phones per load-generator process                  (2500)
  --database-url URL     PostgreSQL server; a fresh database is made on it  ($DATABASE_URL)
                         and dropped after (unset: embedded PGlite in memory)
  --redis-url URL        Redis for the socket.io adapter when M > 1         ($REDIS_URL)
                         (database 9 unless the URL names one, so the run never shares
                         the adapter's stream with other servers on that Redis)
  --out FILE.json        the JSON report; the Markdown summary goes beside it
                         (bench/results/<date>-<N>p-<M>n-<database>.json)
  --profile              a CPU profile of each server in each phase (inspector, from
                         bench/probe.js); the .cpuprofile files go in a folder beside
                         the report, their summary into it
  --keep-db              keep the PostgreSQL database made for the run
  --help                 this text
`;

const int = (name: string, value: string | undefined, fallback: number, min = 0) => {
	if (value === undefined) {
		return fallback;
	}
	const n = Number(value);
	if (!Number.isInteger(n) || n < min) {
		throw new Error(`--${name} must be a whole number ≥ ${min}, got "${value}"`);
	}
	return n;
};

/** The Redis URL with database 9 unless it names one: the adapter's stream is the run's own. */
function ownRedisDatabase(url: string): string {
	const parsed = new URL(url);
	if (parsed.pathname === '' || parsed.pathname === '/') {
		parsed.pathname = '/9';
	}
	return parsed.toString();
}

/** Parses the command line; returns null when --help was asked for. */
export function parseFlags(
	argv: string[],
	env: Record<string, string | undefined> = process.env
): BenchOptions | null {
	const { values } = parseArgs({
		args: argv,
		strict: true,
		options: {
			participants: { type: 'string' },
			conferences: { type: 'string' },
			nodes: { type: 'string' },
			rate: { type: 'string' },
			duration: { type: 'string' },
			burst: { type: 'string' },
			'draw-every': { type: 'string' },
			openings: { type: 'string' },
			'join-concurrency': { type: 'string' },
			'clients-per-worker': { type: 'string' },
			'database-url': { type: 'string' },
			'redis-url': { type: 'string' },
			out: { type: 'string' },
			profile: { type: 'boolean', default: false },
			'keep-db': { type: 'boolean', default: false },
			help: { type: 'boolean', default: false }
		}
	});
	if (values.help) {
		return null;
	}
	const participants = int('participants', values.participants, 10_000, 1);
	const nodes = int('nodes', values.nodes, 1, 1);
	const databaseUrl = values['database-url'] || env.DATABASE_URL || null;
	const redisUrl = values['redis-url'] || env.REDIS_URL || null;
	if (nodes > 1 && (!databaseUrl || !redisUrl)) {
		throw new Error('--nodes > 1 needs PostgreSQL and Redis: set DATABASE_URL and REDIS_URL');
	}
	const openings = (values.openings ?? 'together') as Openings;
	if (!OPENINGS.includes(openings)) {
		throw new Error(`--openings must be together or apart, got "${values.openings}"`);
	}
	const options: Omit<BenchOptions, 'out'> = {
		participants,
		conferences: int('conferences', values.conferences, 15, 1),
		nodes,
		rate: int('rate', values.rate, 2000, 1),
		duration: int('duration', values.duration, 60, 1),
		burst: Math.min(participants, int('burst', values.burst, participants)),
		drawEvery: int('draw-every', values['draw-every'], 60),
		openings,
		joinConcurrency: int('join-concurrency', values['join-concurrency'], 64, 1),
		clientsPerWorker: int('clients-per-worker', values['clients-per-worker'], 2500, 1),
		databaseUrl,
		redisUrl: nodes > 1 ? ownRedisDatabase(redisUrl!) : null,
		profile: values.profile,
		keepDb: values['keep-db']
	};
	if (options.conferences > 15) {
		throw new Error('--conferences: the demo round has 15 conferences');
	}
	const date = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
	const db = databaseUrl ? 'postgres' : 'pglite';
	const out = values.out ?? `bench/results/${date}-${participants}p-${nodes}n-${db}.json`;
	return { ...options, out };
}
