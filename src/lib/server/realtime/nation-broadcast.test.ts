import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rooms } from '$lib/realtime/rooms';
import { createLogger } from '../log';
import { createNationBroadcast } from './nation-broadcast';
import type { Io } from './types';

/** An io that records which room was told what. */
function recordingIo(sent: string[]) {
	return {
		to: (room: string) => ({
			emit: (event: string, payload: { roundId: string }) =>
				sent.push(`${room} ${event} ${payload.roundId}`)
		})
	} as unknown as Io;
}

describe('national broadcast', () => {
	const warnings: string[] = [];
	const log = createLogger('warn', {}, (line) => warnings.push(line));
	beforeEach(() => {
		vi.useFakeTimers();
		warnings.length = 0;
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it("looks a poll's round up once, however many votes arrive while it is being looked up", async () => {
		const sent: string[] = [];
		let answer: (roundId: string) => void = () => {};
		const lookup = vi.fn(
			() => new Promise<string | undefined>((resolve) => (answer = (id) => resolve(id)))
		);
		const nation = createNationBroadcast(recordingIo(sent), lookup, log);
		for (let vote = 0; vote < 100; vote++) {
			nation.pollChanged('poll-1');
		}
		answer('round-1');
		await vi.advanceTimersByTimeAsync(0);
		nation.pollChanged('poll-1');
		await vi.advanceTimersByTimeAsync(5000);
		expect(lookup).toHaveBeenCalledTimes(1);
		expect(sent[0]).toBe(`${rooms.nation('round-1')} nation:changed round-1`);
		nation.stop();
	});

	it('asks again after a lookup failed, and tells nobody of a poll that has no round', async () => {
		const sent: string[] = [];
		const answers = [
			() => Promise.reject(new Error('database away')),
			() => Promise.resolve(undefined),
			() => Promise.resolve('round-2')
		];
		const lookup = vi.fn(() => answers.shift()!());
		const nation = createNationBroadcast(recordingIo(sent), lookup, log);
		nation.pollChanged('poll-2');
		await vi.advanceTimersByTimeAsync(0);
		expect(warnings.join('\n')).toContain('national update failed');
		nation.pollChanged('poll-2');
		await vi.advanceTimersByTimeAsync(0);
		expect(sent).toEqual([]);
		nation.pollChanged('poll-2');
		await vi.advanceTimersByTimeAsync(0);
		expect(lookup).toHaveBeenCalledTimes(3);
		expect(sent).toEqual([`${rooms.nation('round-2')} nation:changed round-2`]);
		nation.stop();
	});
});
