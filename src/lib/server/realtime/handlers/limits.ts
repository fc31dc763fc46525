import { AppError } from '../../errors';
import type { RateLimiter } from '../../rate-limit';
import type { AppSocket } from '../types';

/** What a phone writes: votes and upvotes, and the table's deck and notes. */
export type WriteKind = 'vote' | 'text' | 'table';

const WINDOW_SECONDS = 10;

/** Per participant in 10 s: generous for a person changing their mind, tight for a script. */
export const WRITES_PER_PARTICIPANT: Record<WriteKind, number> = { vote: 30, text: 30, table: 60 };

export interface WriteLimits {
	limiter: RateLimiter;
	/** Writes per address in 10 s (a hall may share one address); 0 turns the per-address limit off. */
	perAddress: number;
}

/**
 * Counts one write by this socket against its participant and its address; throws
 * `rate_limited` (nothing is stored) when either is over. Shared across nodes via Redis.
 */
export async function checkWriteLimit(limits: WriteLimits, socket: AppSocket, kind: WriteKind) {
	const participant = socket.data.participant;
	const checks: Promise<boolean>[] = [];
	if (participant) {
		checks.push(
			limits.limiter.allow(
				`${kind}:p:${participant.id}`,
				WRITES_PER_PARTICIPANT[kind],
				WINDOW_SECONDS
			)
		);
	}
	if (limits.perAddress > 0) {
		checks.push(
			limits.limiter.allow(
				`write:ip:${socket.handshake.address}`,
				limits.perAddress,
				WINDOW_SECONDS
			)
		);
	}
	const allowed = await Promise.all(checks);
	if (allowed.includes(false)) {
		throw new AppError('rate_limited', 'Du sender for mye på kort tid. Vent litt og prøv igjen.');
	}
}
