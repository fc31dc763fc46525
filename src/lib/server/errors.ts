import { z } from 'zod';

/** Stable error codes shared by HTTP responses and socket acks. */
export const ERROR_STATUS = {
	bad_request: 400,
	invalid_vote: 400,
	unauthenticated: 401,
	forbidden: 403,
	not_found: 404,
	unknown_code: 404,
	conflict: 409,
	stale_version: 409,
	poll_closed: 409,
	locked: 423,
	too_large: 413,
	rate_limited: 429,
	unavailable: 503,
	internal: 500
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface AppErrorJson {
	code: ErrorCode;
	message: string;
	id?: string;
}

/** An error whose message is safe to show the user (Norwegian bokmål by default). */
export class AppError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string
	) {
		super(message);
	}
	get status(): number {
		return ERROR_STATUS[this.code];
	}
	toJSON(): AppErrorJson {
		return { code: this.code, message: this.message };
	}
}

/** Turns anything thrown into a safe error for the client; unexpected errors get an id to log. */
export function toAppErrorJson(error: unknown, newId: () => string): AppErrorJson {
	if (error instanceof AppError) {
		return error.toJSON();
	}
	if (error instanceof z.ZodError) {
		const first = error.issues[0];
		const where = first && first.path.length ? ` (${first.path.join('.')})` : '';
		return {
			code: 'bad_request',
			message: `Ugyldig forespørsel${where}: ${first?.message ?? ''}`.trim()
		};
	}
	if (isDatabaseUnavailable(error)) {
		return { code: 'unavailable', message: 'Tjenesten er midlertidig utilgjengelig. Prøv igjen.' };
	}
	return { code: 'internal', message: 'Noe gikk galt. Prøv igjen.', id: newId() };
}

/** A lost or refused database connection, also when wrapped (drizzle puts the driver's error in `cause`). */
function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
	if (!error || depth > 3) {
		return false;
	}
	const code = (error as { code?: unknown }).code;
	const message = error instanceof Error ? error.message : '';
	if (
		code === 'ECONNREFUSED' ||
		code === 'ECONNRESET' ||
		code === 'EPIPE' ||
		code === 'ETIMEDOUT' ||
		code === '57P01' || // admin_shutdown
		code === '57P03' || // cannot_connect_now
		// node-postgres reports a lost server without a code; pg-pool gives up with "timeout
		// exceeded when trying to connect" when no connection came free in time (an overloaded node).
		/Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
			message
		)
	) {
		return true;
	}
	return isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1);
}
