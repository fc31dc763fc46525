import { AppError } from '../../errors';
import type { AppSocket } from '../types';
import type { HandlerContext, Handlers, Services } from './context';
import { nationHandlers } from './nation';
import { phoneDisconnected, phoneHandlers } from './phone';
import { staffHandlers } from './staff';
import { tableHandlers } from './table';
import { tablesStaffHandlers } from './tables-staff';
import { voteHandlers } from './vote';

/** Every event a client may send, with its handler (the type requires one for each). */
const HANDLERS: Handlers = {
	...phoneHandlers,
	...tableHandlers,
	...tablesStaffHandlers,
	...staffHandlers,
	...voteHandlers,
	...nationHandlers
};

const byEvent = new Map<string, (context: HandlerContext, raw: unknown) => Promise<unknown>>(
	Object.entries(HANDLERS)
);

/**
 * Gives a socket its handlers: one listener for every event, which finds the event's handler
 * and answers the acknowledgement with its result. An event no handler knows is answered too.
 */
export function listen(services: Services, socket: AppSocket) {
	socket.onAny((event: string, raw: unknown, ack: unknown) =>
		services.run(ack, async () => {
			const handler = byEvent.get(event);
			if (!handler) {
				throw new AppError('bad_request', `Ukjent hendelse: ${event}`);
			}
			return handler({ ...services, socket }, raw);
		})
	);
	socket.on('disconnect', () => phoneDisconnected({ ...services, socket }));
}
