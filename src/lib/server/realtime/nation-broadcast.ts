import { rooms } from '$lib/realtime/rooms';
import type { Logger } from '../log';
import type { Io } from './types';
import { createThrottle } from './throttle';

/**
 * At most this often per round (per node), however many votes arrive: each change makes every
 * national dashboard read all of the round's votes again, and an analyst needs no faster pace.
 */
const INTERVAL_MS = 2000;

export interface NationBroadcast {
	/** A vote on this poll changed: tell its round's dashboards soon (coalesced). */
	pollChanged(pollId: string): void;
	/** Something else about the round's results changed (closed, data deleted). */
	roundChanged(roundId: string): void;
	stop(): void;
}

/**
 * Dashboards are told that the round changed, never sent the figures: each asks again with its
 * own role filter and weighting ('nation:watch'), and the reads are merged per node.
 */
export function createNationBroadcast(
	io: Io,
	roundOfPoll: (pollId: string) => Promise<string | undefined>,
	log: Logger
): NationBroadcast {
	// A poll never moves to another round, so its round is remembered: looked up once, however
	// many votes arrive while the lookup is under way (a busy pool makes that take a while).
	const roundOf = new Map<string, Promise<string | undefined>>();
	const throttle = createThrottle(INTERVAL_MS, (roundId) => {
		io.to(rooms.nation(roundId)).emit('nation:changed', { roundId, at: Date.now() });
	});
	const roundChanged = (roundId: string) => throttle.schedule(roundId);

	async function pollChanged(pollId: string) {
		let lookup = roundOf.get(pollId);
		if (!lookup) {
			lookup = roundOfPoll(pollId);
			roundOf.set(pollId, lookup);
		}
		try {
			const roundId = await lookup;
			if (roundId) {
				roundChanged(roundId);
			} else {
				roundOf.delete(pollId);
			}
		} catch (error) {
			// The next change asks again.
			roundOf.delete(pollId);
			throw error;
		}
	}

	return {
		pollChanged: (pollId) => {
			pollChanged(pollId).catch((error: unknown) =>
				log.warn('national update failed', { pollId, error })
			);
		},
		roundChanged,
		stop: throttle.stop
	};
}
