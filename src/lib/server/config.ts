import { z } from 'zod';

/** Every environment variable Drøft reads, parsed once at start-up. No other module reads process.env. */
const Env = z.object({
	/** TCP port of the HTTP + socket.io server. */
	PORT: z
		.string()
		.regex(/^\d{1,5}$/, 'must be a whole number from 0 to 65535')
		.default('3000')
		.transform(Number)
		.refine((port) => port <= 65535, 'must be a whole number from 0 to 65535'),
	/** Interface to listen on. */
	HOST: z.string().min(1).default('0.0.0.0'),
	/** Public origin (https://droft.example.no); used for join links/QR codes and the socket.io Origin check. */
	ORIGIN: z.url().optional(),
	/** PostgreSQL connection string. Unset → embedded PGlite under DATA_DIR. */
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
		.optional(),
	/** Folder for the embedded PGlite database, or memory:// for a throw-away one. */
	DATA_DIR: z.string().min(1).default('./data'),
	/** Redis for socket.io fan-out across nodes and shared rate limits. Unset → one node, in memory. */
	REDIS_URL: z
		.string()
		.regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
		.optional(),
	/** debug | info | warn | error */
	LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
	/** Seed the demo round on an empty database: true | false. */
	SEED_DEMO: z
		.enum(['true', 'false'])
		.default('true')
		.transform((v) => v === 'true'),
	/** Password of the demo admin (demo@droft.no) seeded with the demo round. Unset → random, printed. */
	DEMO_ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
	/** Phone writes (votes, texts, table actions) allowed per IP address in 10 s, across nodes; 0 = no per-address limit. */
	RATE_LIMIT_PER_ADDRESS: z
		.string()
		.regex(/^\d{1,7}$/, 'must be a whole number (0 turns the limit off)')
		.default('5000')
		.transform(Number),
	/** Name of this node in logs and /readyz (defaults to node-<PORT>). */
	NODE_NAME: z.string().min(1).max(64).optional()
});

export type Config = {
	port: number;
	host: string;
	origin: string | undefined;
	databaseUrl: string | undefined;
	dataDir: string;
	redisUrl: string | undefined;
	logLevel: 'debug' | 'info' | 'warn' | 'error';
	seedDemo: boolean;
	nodeName: string;
	demoAdminPassword: string | undefined;
	writesPerAddress: number;
};

export class ConfigError extends Error {}

/** Parse the environment; throws ConfigError naming each bad variable and what it expects. */
export function parseConfig(env: Record<string, string | undefined>): Config {
	const cleaned = Object.fromEntries(
		Object.keys(Env.shape).map((key) => [key, env[key] === '' ? undefined : env[key]])
	);
	const result = Env.safeParse(cleaned);
	if (!result.success) {
		const lines = result.error.issues.map(
			(issue) =>
				`${issue.path.join('.')}=${JSON.stringify(cleaned[String(issue.path[0])])}: ${issue.message}`
		);
		throw new ConfigError(`Bad configuration:\n  ${lines.join('\n  ')}`);
	}
	const e = result.data;
	return {
		port: e.PORT,
		host: e.HOST,
		origin: e.ORIGIN?.replace(/\/$/, ''),
		databaseUrl: e.DATABASE_URL,
		dataDir: e.DATA_DIR,
		redisUrl: e.REDIS_URL,
		logLevel: e.LOG_LEVEL,
		seedDemo: e.SEED_DEMO,
		nodeName: e.NODE_NAME ?? `node-${e.PORT}`,
		demoAdminPassword: e.DEMO_ADMIN_PASSWORD,
		writesPerAddress: e.RATE_LIMIT_PER_ADDRESS
	};
}
