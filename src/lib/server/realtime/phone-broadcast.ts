import { rooms } from '$lib/realtime/rooms';
import type { ServerToClientEvents } from '$lib/realtime/events';
import type { AppSocket, Io } from './types';

/** How many groups a conference's phones are spread over. */
export const PHONE_GROUPS = 16;

/** Puts a phone in its conference's room and in one of the conference's phone groups. */
export async function joinPhones(socket: AppSocket, conferenceId: string) {
	await socket.join([
		rooms.phones(conferenceId),
		rooms.phoneGroup(conferenceId, groupOf(socket.id))
	]);
}

function groupOf(socketId: string) {
	let hash = 0;
	for (let i = 0; i < socketId.length; i++) {
		hash = (hash * 31 + socketId.charCodeAt(i)) >>> 0;
	}
	return hash % PHONE_GROUPS;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Sends an event to every phone of a conference, a group of phones at a time, one group per turn
 * of the event loop: writing to a thousand sockets in one go would hold up every vote waiting
 * meanwhile for its acknowledgement. Two such messages reach each phone in the order they were
 * sent (each advances one group per turn, first come first served). Screens are sent to apart.
 */
export async function toPhones<E extends keyof ServerToClientEvents>(
	io: Io,
	conferenceId: string,
	event: E,
	...args: Parameters<ServerToClientEvents[E]>
): Promise<void> {
	for (let group = 0; group < PHONE_GROUPS; group++) {
		io.to(rooms.phoneGroup(conferenceId, group)).emit(event, ...args);
		await nextTurn();
	}
}
