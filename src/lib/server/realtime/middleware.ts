import type { Db } from '../db';
import type { Logger } from '../log';
import { resolveActor } from '../auth/actor';
import { parseCookieHeader } from '../auth/cookies';
import { batchedLookup } from '../batched-lookup';
import { findParticipantsByTokens } from '../db/queries/participants';
import type { AppSocket } from './types';

/**
 * Who is on the other end, from the cookies of the handshake: a staff session and/or a joined
 * participant. Anyone may connect; each event checks what its sender may do.
 */
export function authenticate(db: Db, log: Logger) {
	// Phones reconnecting together are looked up together.
	const participantOf = batchedLookup((hashes) => findParticipantsByTokens(db, hashes));
	return (socket: AppSocket, next: (error?: Error) => void) => {
		const cookies = parseCookieHeader(socket.handshake.headers.cookie);
		resolveActor(db, cookies, new Date(), participantOf)
			.then(({ staff, participant }) => {
				socket.data.staff = staff ? { id: staff.id, isAdmin: staff.isAdmin } : null;
				socket.data.participant = participant
					? {
							id: participant.id,
							conferenceId: participant.conferenceId,
							tableId: participant.tableId,
							tableNumber: participant.tableNumber
						}
					: null;
				next();
			})
			.catch((error: unknown) => {
				log.warn('socket authentication failed', { error });
				next(new Error('Tjenesten er midlertidig utilgjengelig. Prøv igjen.'));
			});
	};
}
