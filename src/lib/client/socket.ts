import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/events';
import { PROTOCOL_VERSION } from '$lib/realtime/events';

export type AppClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A typed socket.io connection to this app's own origin; reconnects by itself. WebSocket first:
 * one handshake instead of long-polling's several round trips and an upgrade, which on weak
 * conference Wi-Fi is the difference a phone notices after every reconnect. Where a network
 * refuses WebSockets, the same attempt goes on over long-polling (`tryAllTransports`).
 */
export function connectSocket(): AppClientSocket {
	return io({
		auth: { protocol: PROTOCOL_VERSION },
		reconnectionDelayMax: 5000,
		transports: ['websocket', 'polling'],
		tryAllTransports: true
	});
}
