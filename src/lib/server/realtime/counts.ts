import type { Db } from '../db';
import type { Logger } from '../log';
import type { Io } from './types';
import { rooms } from '$lib/realtime/rooms';
import type { ConferenceCounts } from '$lib/realtime/events';
import { countParticipantsByTable } from '../db/queries/participants';
import { createThrottle } from './throttle';

/**
 * At most this often per conference: counting reads every connected phone of the conference (on
 * every node), and a hall's Wi-Fi coming back brings hundreds of phones within a second.
 */
const INTERVAL_MS = 1000;

export interface Counts {
	/** Joined participants (stored) and connected phones (sockets on every node), per table. */
	get(conferenceId: string): Promise<ConferenceCounts>;
	/** Recompute soon and send to the conference's presenter and control screens (coalesced). */
	changed(conferenceId: string): void;
	/** Send again every conference whose counts changed lately (after a Redis outage). */
	resendRecent(): void;
	stop(): void;
}

export function createCounts(io: Io, db: Db, log: Logger): Counts {
	const recent = new Set<string>();
	const throttle = createThrottle(INTERVAL_MS, (conferenceId) => {
		get(conferenceId)
			.then((counts) => io.to(rooms.screens(conferenceId)).emit('counts:changed', counts))
			.catch((error: unknown) => log.warn('counting failed', { conferenceId, error }));
	});

	async function get(conferenceId: string): Promise<ConferenceCounts> {
		const at = Date.now();
		// fetchSockets asks every node through the adapter: no shared counter that could drift.
		const [stored, sockets] = await Promise.all([
			countParticipantsByTable(db, conferenceId),
			io.in(rooms.phones(conferenceId)).fetchSockets()
		]);
		const tables = new Map<number, { number: number; joined: number; connected: number }>();
		const table = (n: number) => {
			const entry = tables.get(n) ?? { number: n, joined: 0, connected: 0 };
			tables.set(n, entry);
			return entry;
		};
		for (const row of stored) {
			if (row.tableNumber !== null) {
				table(row.tableNumber).joined = row.participants;
			}
		}
		const connectedParticipants = new Set<string>();
		for (const socket of sockets) {
			const participant = socket.data.participant;
			if (participant && !connectedParticipants.has(participant.id)) {
				connectedParticipants.add(participant.id);
				if (participant.tableNumber !== null) {
					table(participant.tableNumber).connected++;
				}
			}
		}
		return {
			conferenceId,
			joined: stored.reduce((sum, row) => sum + row.participants, 0),
			connected: connectedParticipants.size,
			tables: [...tables.values()].sort((a, b) => a.number - b.number),
			at
		};
	}

	function changed(conferenceId: string) {
		recent.add(conferenceId);
		throttle.schedule(conferenceId);
	}

	function resendRecent() {
		const conferences = [...recent];
		recent.clear();
		conferences.forEach(changed);
	}

	return { get, changed, resendRecent, stop: throttle.stop };
}
