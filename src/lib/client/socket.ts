import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/events';
import { PROTOCOL_VERSION } from '$lib/realtime/events';

export type AppClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A typed socket.io connection to this app's own origin; reconnects by itself. */
export function connectSocket(): AppClientSocket {
	return io({ auth: { protocol: PROTOCOL_VERSION }, reconnectionDelayMax: 5000 });
}
