import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server } from 'socket.io';
import type { Config } from '../config';
import type { Db } from '../db';
import type { InFlight } from '../in-flight';
import type { Logger } from '../log';
import { createPresence, type Presence } from './presence';
import { createRun } from './run';
import type { Io } from './types';
import { registerJoinHandlers } from './handlers/join';
import { registerPresenterHandlers } from './handlers/presenter';

export interface Realtime {
	io: Io;
	presence: Presence;
	/** Disconnects every socket; the HTTP server is closed by its owner. */
	close(): void;
}

interface Deps {
	config: Config;
	db: Db;
	log: Logger;
	inFlight: InFlight;
	/** A connected Redis client for the adapter, when REDIS_URL is set. */
	redis?: unknown;
}

const KNOWN_EVENTS = new Set(['conference:join', 'presenter:watch']);

/** socket.io on the app's own HTTP server: origin check, adapter, and one handler set per socket. */
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
		io.adapter(createAdapter(deps.redis, { streamName: 'droft:socket.io' }));
	}
	const presence = createPresence(io, log);

	io.on('connection', (socket) => {
		// Listeners are registered synchronously: one added after an await misses early events.
		const context = { socket, db: deps.db, log, presence, run: createRun(log, deps.inFlight) };
		registerJoinHandlers(context);
		registerPresenterHandlers(context);
		socket.onAny((event: string, ...args: unknown[]) => {
			const ack = args.at(-1);
			if (!KNOWN_EVENTS.has(event) && typeof ack === 'function') {
				ack({ ok: false, error: { code: 'bad_request', message: `Ukjent hendelse: ${event}` } });
			}
		});
	});

	return {
		io,
		presence,
		close: () => {
			presence.stop();
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
