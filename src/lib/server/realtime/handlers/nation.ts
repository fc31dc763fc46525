import { CompareInput, NationWatchInput } from '$lib/realtime/schemas';
import { rooms } from '$lib/realtime/rooms';
import { requireStaff } from '../../auth/guard';
import { hideComparison, showComparison } from '../../services/comparison';
import { nationalView, requireRound } from '../../services/nation';
import { staffOf, type Handlers } from './context';

/** KS staff on the national dashboard, and the facilitator's county-vs-nation comparison. */
export const nationHandlers: Handlers<'nation:watch' | 'control:compare' | 'control:compare-hide'> =
	{
		'nation:watch': async (context, raw) => {
			const { socket, db } = context;
			const arrivedAt = Date.now();
			const input = NationWatchInput.parse(raw);
			await requireStaff(db, await staffOf(context), 'nation:view');
			await requireRound(db, input.roundId);
			// In the room before the read: a change made meanwhile still reaches the dashboard.
			await socket.join(rooms.nation(input.roundId));
			return nationalView(
				db,
				input.roundId,
				{ roles: input.roles ?? null, weighting: input.weighting },
				arrivedAt
			);
		},

		'control:compare': async (context, raw) => {
			const { io, db } = context;
			const input = CompareInput.parse(raw);
			const who = await requireStaff(db, await staffOf(context), 'poll:reveal', input.conferenceId);
			const comparison = await showComparison(db, who, input.conferenceId, input.pollId);
			io.to(rooms.screens(input.conferenceId)).emit('poll:comparison', comparison);
			return comparison;
		},

		'control:compare-hide': async (context, raw) => {
			const { io, db } = context;
			const input = CompareInput.parse(raw);
			const who = await requireStaff(db, await staffOf(context), 'poll:reveal', input.conferenceId);
			const hidden = await hideComparison(db, who, input.conferenceId, input.pollId);
			const change = { conferenceId: input.conferenceId, pollId: input.pollId, at: Date.now() };
			// Sent even when nothing was recorded as showing: a screen that missed a hide drops it.
			io.to(rooms.screens(input.conferenceId)).emit('poll:comparison-hidden', change);
			return { ...change, hidden: hidden !== null };
		}
	};
