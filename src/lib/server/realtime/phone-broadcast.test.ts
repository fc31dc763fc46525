import { describe, expect, it } from 'vitest';
import { rooms } from '$lib/realtime/rooms';
import { PHONE_GROUPS, toPhones } from './phone-broadcast';
import type { Io } from './types';

/** An io that records which room got which event, and when other work got a turn. */
function recordingIo(log: string[]) {
	return {
		to: (room: string) => ({
			emit: (event: string, payload: { n: number }) => log.push(`${room} ${event} ${payload.n}`)
		})
	} as unknown as Io;
}

describe('toPhones', () => {
	it('reaches every phone group, letting other work run between groups', async () => {
		const log: string[] = [];
		const io = recordingIo(log);
		const sending = toPhones(io, 'c1', 'agenda:changed', { n: 1 } as never);
		// Work that arrives meanwhile (a vote to acknowledge) is not held up until the end.
		setImmediate(() => log.push('other work'));
		await sending;
		const groups = log.filter((line) => line.endsWith('agenda:changed 1'));
		expect(groups).toEqual(
			Array.from(
				{ length: PHONE_GROUPS },
				(_, g) => `${rooms.phoneGroup('c1', g)} agenda:changed 1`
			)
		);
		const other = log.indexOf('other work');
		expect(other).toBeGreaterThan(0);
		expect(other).toBeLessThan(log.length - 1);
	});

	it('keeps two messages in the order sent, in every group', async () => {
		const log: string[] = [];
		const io = recordingIo(log);
		await Promise.all([
			toPhones(io, 'c1', 'polls:changed', { n: 1 } as never),
			toPhones(io, 'c1', 'polls:changed', { n: 2 } as never)
		]);
		for (let g = 0; g < PHONE_GROUPS; g++) {
			const room = rooms.phoneGroup('c1', g);
			expect(log.filter((line) => line.startsWith(`${room} `))).toEqual([
				`${room} polls:changed 1`,
				`${room} polls:changed 2`
			]);
		}
	});
});
