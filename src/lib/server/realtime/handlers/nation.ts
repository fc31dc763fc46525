import { CompareInput, NationWatchInput } from '$lib/realtime/schemas';
import { rooms } from '$lib/realtime/rooms';
import { requireStaff } from '../../auth/guard';
import { findStaffIdentity } from '../../db/queries/staff';
import { hideComparison, showComparison } from '../../services/comparison';
import { nationalView, requireRound } from '../../services/nation';
import type { HandlerContext } from './context';

/** KS staff on the national dashboard, and the facilitator's county-vs-nation comparison. */
export function registerNationHandlers({ io, socket, run, db }: HandlerContext) {
	const staff = async () =>
		(socket.data.staff ? await findStaffIdentity(db, socket.data.staff.id) : null) ?? null;
	// The big screen shows it; control views follow it. Never the phones.
	const screens = (conferenceId: string) => [
		rooms.presenter(conferenceId),
		rooms.control(conferenceId)
	];

	socket.on('nation:watch', (raw, ack) =>
		run(ack, async () => {
			const arrivedAt = Date.now();
			const input = NationWatchInput.parse(raw);
			await requireStaff(db, await staff(), 'nation:view');
			await requireRound(db, input.roundId);
			// In the room before the read: a change made meanwhile still reaches the dashboard.
			await socket.join(rooms.nation(input.roundId));
			return nationalView(
				db,
				input.roundId,
				{ roles: input.roles ?? null, weighting: input.weighting },
				arrivedAt
			);
		})
	);

	socket.on('control:compare', (raw, ack) =>
		run(ack, async () => {
			const input = CompareInput.parse(raw);
			const who = await requireStaff(db, await staff(), 'poll:reveal', input.conferenceId);
			const comparison = await showComparison(db, who, input.conferenceId, input.pollId);
			io.to(screens(input.conferenceId)).emit('poll:comparison', comparison);
			return comparison;
		})
	);

	socket.on('control:compare-hide', (raw, ack) =>
		run(ack, async () => {
			const input = CompareInput.parse(raw);
			const who = await requireStaff(db, await staff(), 'poll:reveal', input.conferenceId);
			const hidden = await hideComparison(db, who, input.conferenceId, input.pollId);
			const change = { conferenceId: input.conferenceId, pollId: input.pollId, at: Date.now() };
			// Sent even when nothing was recorded as showing: a screen that missed a hide drops it.
			io.to(screens(input.conferenceId)).emit('poll:comparison-hidden', change);
			return { ...change, hidden: hidden !== null };
		})
	);
}
