import { rooms } from '$lib/realtime/rooms';
import type { Db } from '../db';
import type { Logger } from '../log';
import { roundOfPoll } from '../db/queries/nation';
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
export function createNationBroadcast(io: Io, db: Db, log: Logger): NationBroadcast {
	// A poll never moves to another round, so its round can be remembered.
	const roundOf = new Map<string, string>();
	const throttle = createThrottle(INTERVAL_MS, (roundId) => {
		io.to(rooms.nation(roundId)).emit('nation:changed', { roundId, at: Date.now() });
	});
	const roundChanged = (roundId: string) => throttle.schedule(roundId);

	async function pollChanged(pollId: string) {
		let roundId = roundOf.get(pollId);
		if (!roundId) {
			roundId = await roundOfPoll(db, pollId);
			if (!roundId) {
				return;
			}
			roundOf.set(pollId, roundId);
		}
		roundChanged(roundId);
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
