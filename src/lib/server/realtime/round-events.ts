import { rooms } from '$lib/realtime/rooms';
import { toPhones } from './phone-broadcast';
import type { Db } from '../db';
import { pollsOfConference } from '../db/queries/polls';
import type { Realtime } from './io';
import { pollInfo } from './tallies';

/** Tells the round's screens what a lifecycle step changed (HTTP form actions call these). */

/** Conferences whose polls were closed see them closed; dashboards recompute. */
export async function announceRoundClosed(
	realtime: Realtime,
	db: Db,
	roundId: string,
	closedPolls: { id: string; conferenceId: string }[]
) {
	const conferenceIds = [...new Set(closedPolls.map((p) => p.conferenceId))];
	for (const conferenceId of conferenceIds) {
		const polls = (await pollsOfConference(db, conferenceId)).filter((p) => p.status !== 'draft');
		const change = { conferenceId, polls: polls.map(pollInfo) };
		realtime.io.to(rooms.screens(conferenceId)).emit('polls:changed', change);
		void toPhones(realtime.io, conferenceId, 'polls:changed', change);
	}
	closedPolls.forEach((poll) => realtime.tallies.changed(poll.id));
	realtime.tallies.nation.roundChanged(roundId);
}

/**
 * The participants are gone: their phones are disconnected on every node (a reconnect finds no
 * participant), counts and tallies are sent again, dashboards recompute.
 */
export async function announceRoundDataDeleted(
	realtime: Realtime,
	db: Db,
	roundId: string,
	deleted: { conferenceIds: string[]; tableIds: string[] }
) {
	const { io } = realtime;
	for (const conferenceId of deleted.conferenceIds) {
		io.in(rooms.phones(conferenceId)).disconnectSockets(true);
		realtime.counts.changed(conferenceId);
		(await pollsOfConference(db, conferenceId)).forEach((p) => realtime.tallies.changed(p.id));
	}
	deleted.tableIds.forEach((tableId) => io.in(rooms.table(tableId)).disconnectSockets(true));
	realtime.tallies.nation.roundChanged(roundId);
}
