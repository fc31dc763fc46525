import type { Logger } from '../log';
import type { Io } from './types';
import { rooms } from '$lib/realtime/rooms';
import type { PresenceCount } from '$lib/realtime/events';

/** How long a burst of joins is gathered before the count is recomputed and sent. */
const COALESCE_MS = 150;

export interface Presence {
	/** The number of distinct phones connected to the conference, across all nodes. */
	count(conferenceId: string): Promise<PresenceCount>;
	/** Recompute soon and send the count to the conference's presenter screens (coalesced). */
	changed(conferenceId: string): void;
	stop(): void;
}

export function createPresence(io: Io, log: Logger): Presence {
	const pending = new Map<string, NodeJS.Timeout>();

	async function count(conferenceId: string): Promise<PresenceCount> {
		const at = Date.now();
		// fetchSockets asks every node through the adapter: the count needs no shared counter.
		const sockets = await io.in(rooms.phones(conferenceId)).fetchSockets();
		return { conferenceId, count: sockets.length, at };
	}

	function changed(conferenceId: string) {
		if (pending.has(conferenceId)) {
			return;
		}
		const timer = setTimeout(() => {
			pending.delete(conferenceId);
			count(conferenceId)
				.then((presence) => io.to(rooms.presenter(conferenceId)).emit('presence:count', presence))
				.catch((error: unknown) => log.warn('presence count failed', { conferenceId, error }));
		}, COALESCE_MS);
		pending.set(conferenceId, timer);
	}

	function stop() {
		for (const timer of pending.values()) {
			clearTimeout(timer);
		}
		pending.clear();
	}

	return { count, changed, stop };
}
