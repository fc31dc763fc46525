import { randomUUID } from 'node:crypto';
import { toAppErrorJson } from '../errors';
import type { Logger } from '../log';
import type { AckResult } from '$lib/realtime/events';
import type { InFlight } from '../in-flight';

export type Run = <T>(ack: unknown, action: () => Promise<T>) => void;

/**
 * Runs one socket action and answers its acknowledgement: `{ ok: true, data }`, or
 * `{ ok: false, error }` for anything thrown. Unexpected errors are logged with an id and never
 * leak details. The action counts as in flight until it settles, so shutdown waits for it.
 */
export function createRun(log: Logger, inFlight: InFlight): Run {
	return (ack, action) => {
		const reply = typeof ack === 'function' ? (ack as (r: AckResult<unknown>) => void) : () => {};
		void inFlight.track(async () => {
			try {
				reply({ ok: true, data: await action() });
			} catch (error) {
				const json = toAppErrorJson(error, randomUUID);
				if (json.id) {
					log.error('socket action failed', { errorId: json.id, error });
				} else {
					log.debug('socket action refused', { code: json.code });
				}
				reply({ ok: false, error: json });
			}
		});
	};
}
