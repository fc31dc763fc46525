import type { Db } from '../../db';
import type { Logger } from '../../log';
import type { Counts } from '../counts';
import type { Run } from '../run';
import type { Tallies } from '../tallies';
import type { VoteWriter } from '../../services/voting';
import type { AppSocket, Io } from '../types';
import type { ConferenceSnapshot } from '$lib/realtime/events';
import type { WriteLimits } from './limits';

/** What every handler module gets for one connected socket. */
export interface HandlerContext {
	io: Io;
	socket: AppSocket;
	run: Run;
	db: Db;
	counts: Counts;
	tallies: Tallies;
	votes: VoteWriter;
	/** The conference's snapshot for a phone's hello (shared by phones asking at once). */
	phoneSnapshot(conferenceId: string): Promise<ConferenceSnapshot>;
	limits: WriteLimits;
	log: Logger;
}
