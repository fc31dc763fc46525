import { io, type Socket } from 'socket.io-client';
import type {
	AckResult,
	ClientToServerEvents,
	ServerToClientEvents
} from '../../src/lib/realtime/events';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client, connected over websocket, with the browser's cookies if any. */
export async function connect(url: string, cookie = ''): Promise<TestSocket> {
	const socket: TestSocket = io(url, {
		transports: ['websocket'],
		forceNew: true,
		reconnection: false,
		extraHeaders: cookie ? { cookie } : {}
	});
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
	return socket;
}

/** Emits an event and resolves with its acknowledgement. */
export function request<T = unknown>(
	socket: Socket,
	event: string,
	payload: unknown,
	timeoutMs = 5000
): Promise<AckResult<T>> {
	return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<AckResult<T>>;
}

/** Resolves with the next `event` whose payload passes `accept`, or rejects after `timeoutMs`. */
export function nextEvent<T>(
	socket: Socket,
	event: string,
	accept: (payload: T) => boolean = () => true,
	timeoutMs = 5000
): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			socket.off(event, listener);
			reject(new Error(`no ${event} within ${timeoutMs} ms`));
		}, timeoutMs);
		const listener = (payload: T) => {
			if (accept(payload)) {
				clearTimeout(timer);
				socket.off(event, listener);
				resolve(payload);
			}
		};
		socket.on(event, listener);
	});
}
