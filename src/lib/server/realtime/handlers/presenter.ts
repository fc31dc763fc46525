import { AppError } from '../../errors';
import { findConferenceById } from '../../db/queries/conferences';
import { WatchInput } from '$lib/realtime/schemas';
import { rooms } from '$lib/realtime/rooms';
import type { HandlerContext } from './context';

/** Presenter screens: follow a conference's live state. */
export function registerPresenterHandlers({ socket, run, db, presence }: HandlerContext) {
	socket.on('presenter:watch', (raw, ack) =>
		run(ack, async () => {
			const input = WatchInput.parse(raw);
			const conference = await findConferenceById(db, input.conferenceId);
			if (!conference) {
				throw new AppError('not_found', 'Konferansen finnes ikke.');
			}
			await socket.join(rooms.presenter(conference.id));
			return { conference, presence: await presence.count(conference.id) };
		})
	);
}
