import type { Db } from '../../db';
import type { Logger } from '../../log';
import type { Counts } from '../counts';
import type { Run } from '../run';
import type { Tallies } from '../tallies';
import type { VoteWriter } from '../../services/voting';
import type { AppSocket, Io } from '../types';
import type { ConferenceSnapshot } from '$lib/realtime/events';
import type { TableSnapshots } from '../../services/table-state';
import type { phoneVotes } from '../../services/conference-state';
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
	/** What phones read on every (re)connect, shared by phones asking at the same moment. */
	snapshots: {
		phone(conferenceId: string): Promise<ConferenceSnapshot>;
		votes: ReturnType<typeof phoneVotes>;
		table: TableSnapshots;
	};
	limits: WriteLimits;
	log: Logger;
}
