import { PhoneHelloInput } from '$lib/realtime/schemas';
import { AppError } from '../../errors';
import type { HandlerContext } from './context';
import { joinPhones } from '../phone-broadcast';
import { helloTable } from './table';

/** Phones: a joined participant gets the conference's current state and live updates. */
export function registerPhoneHandlers(context: HandlerContext) {
	const { socket, run, counts } = context;

	socket.on('phone:hello', (raw, ack) =>
		run(ack, async () => {
			const input = PhoneHelloInput.parse(raw ?? {});
			const participant = socket.data.participant;
			if (!participant) {
				throw new AppError(
					'unauthenticated',
					'Du er ikke med i en konferanse ennå. Bli med med koden.'
				);
			}
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
		})
	);

	socket.on('disconnect', () => {
		if (socket.data.phoneOf) {
			counts.changed(socket.data.phoneOf);
		}
	});
}

async function conferenceWithVotes(
	{ snapshots }: HandlerContext,
	participantId: string,
	conferenceId: string
) {
	const snapshot = await snapshots.phone(conferenceId);
	return { ...snapshot, votes: await snapshots.votes(participantId, snapshot) };
}
