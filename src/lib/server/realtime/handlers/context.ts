import type { Db } from '../../db';
import type { Logger } from '../../log';
import type { Presence } from '../presence';
import type { Run } from '../run';
import type { AppSocket } from '../types';

/** What every handler module gets for one connected socket. */
export interface HandlerContext {
	socket: AppSocket;
	run: Run;
	db: Db;
	presence: Presence;
	log: Logger;
}
