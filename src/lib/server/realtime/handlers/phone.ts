import { PhoneHelloInput } from '$lib/realtime/schemas';
import { participantOf, type HandlerContext, type Handlers } from './context';
import { joinPhones } from '../phone-broadcast';
import { helloTable } from './table';

/** Phones: a joined participant gets the conference's current state and live updates. */
export const phoneHandlers: Handlers<'phone:hello'> = {
	'phone:hello': async (context, raw) => {
		const { socket, counts } = context;
		const input = PhoneHelloInput.parse(raw ?? {});
		const participant = participantOf(context);
		// In the conference's rooms before the read: a change made meanwhile still reaches it.
		socket.data.phoneOf = participant.conferenceId;
		await joinPhones(socket, participant.conferenceId);
		counts.changed(participant.conferenceId);
		const [conference, table] = await Promise.all([
			conferenceWithVotes(context, participant.id, participant.conferenceId),
			input.table && participant.tableId ? helloTable(context) : null
		]);
		return {
			...conference,
			participant: { id: participant.id, tableNumber: participant.tableNumber },
			table
		};
	}
};

/** A phone that said hello counts as connected until it goes. */
export function phoneDisconnected({ socket, counts }: HandlerContext) {
	if (socket.data.phoneOf) {
		counts.changed(socket.data.phoneOf);
	}
}

async function conferenceWithVotes(
	{ snapshots }: HandlerContext,
	participantId: string,
	conferenceId: string
) {
	const snapshot = snapshots.phone(conferenceId);
	const [shared, votes] = await Promise.all([snapshot, snapshots.votes(participantId, snapshot)]);
	return { ...shared, votes };
}
