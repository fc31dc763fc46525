import { AppError } from '../../errors';
import { findConferenceByJoinCode } from '../../db/queries/conferences';
import { normaliseJoinCode } from '$lib/domain/join-code';
import { JoinInput } from '$lib/realtime/schemas';
import { rooms } from '$lib/realtime/rooms';
import type { HandlerContext } from './context';

/** Phones: open a conference by its join code and be counted while connected. */
export function registerJoinHandlers({ socket, run, db, presence }: HandlerContext) {
	socket.on('conference:join', (raw, ack) =>
		run(ack, async () => {
			const input = JoinInput.parse(raw);
			const code = normaliseJoinCode(input.code);
			const conference = code ? await findConferenceByJoinCode(db, code) : undefined;
			if (!conference) {
				throw new AppError('unknown_code', 'Vi fant ingen konferanse med den koden.');
			}
			if (socket.data.phoneOf && socket.data.phoneOf !== conference.id) {
				await socket.leave(rooms.phones(socket.data.phoneOf));
				presence.changed(socket.data.phoneOf);
			}
			socket.data.phoneOf = conference.id;
			await socket.join(rooms.phones(conference.id));
			presence.changed(conference.id);
			return { conference, presence: await presence.count(conference.id) };
		})
	);

	socket.on('disconnect', () => {
		if (socket.data.phoneOf) {
			presence.changed(socket.data.phoneOf);
		}
	});
}
