import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server } from 'socket.io';
import type { Config } from '../config';
import type { Db } from '../db';
import type { InFlight } from '../in-flight';
import type { Logger } from '../log';
import type { RateLimiter } from '../rate-limit';
import type { RedisHandle } from '../redis';
import { createCounts, type Counts } from './counts';
import { authenticate } from './middleware';
import { createRun } from './run';
import type { Io } from './types';
import { listen } from './handlers';
import type { Services } from './handlers/context';
import { createTallies, type Tallies } from './tallies';
import { createVoteWriter } from '../services/voting';
import { phoneSnapshots, phoneVotes } from '../services/conference-state';
import { tableSnapshots } from '../services/table-state';

export interface Realtime {
	io: Io;
	counts: Counts;
	tallies: Tallies;
	/** Disconnects every socket; the HTTP server is closed by its owner. */
	close(): void;
}

interface Deps {
	config: Config;
	db: Db;
	/** Vote batches go through this (Database.votesDb). */
	votesDb: Db;
	/** The presenters' voter counts are read through this (Database.progressDb). */
	progressDb: Db;
	log: Logger;
	inFlight: InFlight;
	limiter: RateLimiter;
	/** Redis for the adapter, when REDIS_URL is set. */
	redis?: RedisHandle;
}

/** socket.io on the app's own HTTP server: origin check, adapter, and the handlers every socket shares. */
export async function createRealtime(httpServer: HttpServer, deps: Deps): Promise<Realtime> {
	const { config, log } = deps;
	const io: Io = new Server(httpServer, {
		serveClient: false,
		maxHttpBufferSize: 64 * 1024,
		pingInterval: 20_000,
		pingTimeout: 20_000,
		allowRequest: (req, callback) => callback(null, originAllowed(req, config.origin))
	});
	if (deps.redis) {
		const { createAdapter } = await import('@socket.io/redis-streams-adapter');
		io.adapter(createAdapter(deps.redis.client, { streamName: 'droft:socket.io' }));
	}
	const counts = createCounts(io, deps.db, log);
	const tallies = createTallies(io, { db: deps.db, progressDb: deps.progressDb }, log);
	// Screens on other nodes may have missed updates while Redis was away: send the latest again.
	deps.redis?.onBack(() => {
		tallies.resendRecent();
		counts.resendRecent();
	});
	io.use(authenticate(deps.db, log));

	const services: Services = {
		io,
		db: deps.db,
		log,
		counts,
		tallies,
		votes: createVoteWriter(deps.votesDb),
		snapshots: {
			phone: phoneSnapshots(deps.db, tallies),
			votes: phoneVotes(deps.db),
			table: tableSnapshots(deps.db)
		},
		limits: { limiter: deps.limiter, perAddress: deps.config.writesPerAddress },
		run: createRun(log, deps.inFlight)
	};

	io.on('connection', (socket) => {
		// The handshake (cookies, address) has been read by now; the HTTP request it came with
		// would otherwise stay in memory as long as the connection (socket.io's memory advice).
		(socket.conn as { request: unknown }).request = null;
		// Its headers too (the cookies, the user agent): they were needed only to authenticate, and
		// fetchSockets (the presence counts) would otherwise carry them to every node over Redis.
		socket.handshake.headers = {};
		// Registered synchronously: a listener added after an await misses early events.
		listen(services, socket);
	});

	return {
		io,
		counts,
		tallies,
		close: () => {
			counts.stop();
			tallies.stop();
			io.disconnectSockets(true);
			void io.close();
		}
	};
}

/** Browsers send Origin on cross-site requests: it must be this app's own origin. */
function originAllowed(req: IncomingMessage, configured: string | undefined): boolean {
	const origin = req.headers.origin;
	if (!origin) {
		return true;
	}
	if (configured) {
		return origin === configured;
	}
	try {
		return new URL(origin).host === req.headers.host;
	} catch {
		return false;
	}
}
