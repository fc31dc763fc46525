import { AppError } from '../../errors';
import type { HandlerContext } from './context';
import { joinPhones } from '../phone-broadcast';

/** Phones: a joined participant gets the conference's current state and live updates. */
export function registerPhoneHandlers({ socket, run, counts, snapshots }: HandlerContext) {
	socket.on('phone:hello', (_raw, ack) =>
		run(ack, async () => {
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
			const snapshot = await snapshots.phone(participant.conferenceId);
			const votes = await snapshots.votes(participant.id, snapshot);
			return {
				...snapshot,
				participant: { id: participant.id, tableNumber: participant.tableNumber },
				votes
			};
		})
	);

	socket.on('disconnect', () => {
		if (socket.data.phoneOf) {
			counts.changed(socket.data.phoneOf);
		}
	});
}
