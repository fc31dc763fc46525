import type { Server as HttpServer } from 'node:http';
import { resolve } from 'node:path';
import { parseConfig, type Config } from './config';
import { openDatabase, type Database } from './db';
import { createInFlight, type InFlight } from './in-flight';
import { createLogger, type Logger } from './log';
import { createRealtime, type Realtime } from './realtime/io';
import { connectRedis, type RedisHandle } from './redis';
import { seedDemoIfEmpty, seedMunicipalities } from './services/seed';
import { importBundledPacks } from './services/content';
import { createRateLimiter, type RateLimiter } from './rate-limit';

/** Everything one node holds: config, database, Redis, socket.io. Built once per process. */
export interface Runtime {
	config: Config;
	log: Logger;
	database: Database;
	/** socket.io's adapter; health checks ping it. */
	redis: RedisHandle | undefined;
	/** The shared rate limits, on a connection of their own (see `startRuntime`). */
	limitsRedis: RedisHandle | undefined;
	realtime: Realtime;
	inFlight: InFlight;
	limiter: RateLimiter;
	shutdown(signal: string): Promise<void>;
}

// The server entry and the SvelteKit bundle are separate module graphs: they meet on globalThis.
const KEY = Symbol.for('droft.runtime');
type Holder = { [KEY]?: Runtime };

export function getRuntime(): Runtime {
	const runtime = (globalThis as Holder)[KEY];
	if (!runtime) {
		throw new Error('Drøft runtime not started');
	}
	return runtime;
}

/** Reads config, migrates, seeds, connects Redis and attaches socket.io to `httpServer`. */
export async function startRuntime(
	httpServer: HttpServer,
	env: Record<string, string | undefined>
): Promise<Runtime> {
	const existing = (globalThis as Holder)[KEY];
	if (existing) {
		return existing;
	}
	const config = parseConfig(env);
	const log = createLogger(config.logLevel, { node: config.nodeName });
	// A library's stray rejection (the Redis client's, during a reconnect) must not take a node
	// and every phone on it down: log it; the action that caused it has already answered.
	process.on('unhandledRejection', (error) => log.error('unhandled rejection', { error }));
	const database = await openDatabase({
		databaseUrl: config.databaseUrl,
		dataDir: config.dataDir,
		migrationsFolder: resolve('drizzle')
	});
	log.info('database ready', { kind: database.kind });
	await seedMunicipalities(database.db);
	if (config.seedDemo) {
		await seedDemoIfEmpty(database.db, log, {
			adminPassword: config.demoAdminPassword,
			// On a shared PostgreSQL the first admin comes from `npm run admin:create` instead.
			createAdmin: database.kind === 'pglite' || config.demoAdminPassword !== undefined
		});
	}
	await importBundledPacks(database.db, log);
	const redis = config.redisUrl ? await connectRedis(config.redisUrl, log) : undefined;
	// Every vote is checked against two limits in Redis, and socket.io's adapter sends each
	// broadcast to Redis before this node's own sockets get it: on one connection the
	// broadcasts queued behind thousands of checks a second.
	const limitsRedis = config.redisUrl ? await connectRedis(config.redisUrl, log) : undefined;
	const inFlight = createInFlight();
	const limiter = createRateLimiter(limitsRedis, log);
	const realtime = await createRealtime(httpServer, {
		config,
		db: database.db,
		votesDb: database.votesDb,
		progressDb: database.progressDb,
		log,
		inFlight,
		limiter,
		redis
	});
	const runtime: Runtime = {
		config,
		log,
		database,
		redis,
		limitsRedis,
		realtime,
		inFlight,
		limiter,
		shutdown: (signal) => shutdown(runtime, httpServer, signal)
	};
	(globalThis as Holder)[KEY] = runtime;
	return runtime;
}

/** Stop accepting, let in-flight writes finish and answer, close sockets, then close the stores. */
async function shutdown(runtime: Runtime, httpServer: HttpServer, signal: string) {
	const { log } = runtime;
	log.info('shutting down', { signal, inFlight: runtime.inFlight.size });
	const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
	httpServer.closeIdleConnections();
	await runtime.inFlight.drained(10_000);
	runtime.realtime.close();
	httpServer.closeAllConnections();
	await closed;
	await runtime.database.close();
	await runtime.redis?.close();
	await runtime.limitsRedis?.close();
	log.info('stopped');
}
