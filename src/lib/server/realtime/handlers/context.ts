import type { Db } from '../../db';
import { AppError } from '../../errors';
import { requireStaff } from '../../auth/guard';
import type { Action } from '$lib/domain/roles';
import { WatchInput } from '$lib/realtime/schemas';
import { findStaffIdentity } from '../../db/queries/staff';
import type { Logger } from '../../log';
import type { Counts } from '../counts';
import type { Run } from '../run';
import type { Tallies } from '../tallies';
import type { VoteWriter } from '../../services/voting';
import type { AppSocket, Io } from '../types';
import type { Ack, ClientToServerEvents, ConferenceSnapshot } from '$lib/realtime/events';
import type { TableSnapshots } from '../../services/table-state';
import type { phoneVotes } from '../../services/conference-state';
import type { WriteLimits } from './limits';

/** What the handlers share: one of each per server, never one per socket. */
export interface Services {
	io: Io;
	run: Run;
	db: Db;
	counts: Counts;
	tallies: Tallies;
	votes: VoteWriter;
	/** What phones read on every (re)connect, shared by phones asking at the same moment. */
	snapshots: {
		phone(conferenceId: string): Promise<ConferenceSnapshot>;
		votes: ReturnType<typeof phoneVotes>;
		table: TableSnapshots;
	};
	limits: WriteLimits;
	log: Logger;
}

/** What a handler gets for one event: the shared services and the socket the event came on. */
export interface HandlerContext extends Services {
	socket: AppSocket;
}

type ClientEvent = keyof ClientToServerEvents;

/** What the acknowledgement of `E` carries when the action succeeds. */
type AckData<E extends ClientEvent> =
	Parameters<ClientToServerEvents[E]>[1] extends Ack<infer T> ? T : never;

/**
 * Handlers by event. Each checks its raw input itself and returns what the acknowledgement
 * carries; a throw is answered as an error (run.ts). They are defined once for all sockets:
 * 10,000 phones do not each hold a set of closures.
 */
export type Handlers<E extends ClientEvent = ClientEvent> = {
	[K in E]: (context: HandlerContext, raw: unknown) => Promise<AckData<K>>;
};

/** The staff member signed in on this socket, read afresh: a role taken away counts at once. */
export async function staffOf({ db, socket }: HandlerContext) {
	return socket.data.staff ? ((await findStaffIdentity(db, socket.data.staff.id)) ?? null) : null;
}

/** The participant who joined on this socket's cookie; a socket without one is refused. */
export function participantOf({ socket }: HandlerContext) {
	const participant = socket.data.participant;
	if (!participant) {
		throw new AppError(
			'unauthenticated',
			'Du er ikke med i en konferanse ennå. Bli med med koden.'
		);
	}
	return participant;
}

/**
 * A staff screen starts following a conference: its input checked, `action` required, and the
 * socket in `room` before the screen's read, so a change made meanwhile still reaches it.
 */
export async function joinToWatch(
	context: HandlerContext,
	raw: unknown,
	action: Action,
	room: (conferenceId: string) => string
): Promise<string> {
	const { conferenceId } = WatchInput.parse(raw);
	await requireStaff(context.db, await staffOf(context), action, conferenceId);
	await context.socket.join(room(conferenceId));
	return conferenceId;
}
