import { describe, expect, it } from 'vitest';
import { latencyTimeline, now, sleepUntil } from './stats';

describe('latencyTimeline', () => {
	it('groups latencies by when each vote was sent, window by window', () => {
		const start = 1_000_000;
		const sent = [start + 10, start + 4_990, start + 5_000, start + 5_500, start + 9_999];
		const latency = [20, 40, 900, 1_100, 1_000];
		expect(latencyTimeline(sent, latency, start, 5_000)).toEqual([
			{ fromS: 0, votes: 2, p50: 20, p95: 40 },
			{ fromS: 5, votes: 3, p50: 1_000, p95: 1_100 }
		]);
	});

	it('shows a quiet window as empty and leaves out votes sent before the start', () => {
		const start = 0;
		expect(latencyTimeline([-5, 100, 2_500], [999, 10, 30], start, 1_000)).toEqual([
			{ fromS: 0, votes: 1, p50: 10, p95: 10 },
			{ fromS: 1, votes: 0, p50: null, p95: null },
			{ fromS: 2, votes: 1, p50: 30, p95: 30 }
		]);
	});
});

describe('sleepUntil', () => {
	it('never wakes before the moment asked for, though timers round to whole milliseconds', async () => {
		const early: number[] = [];
		for (let i = 0; i < 50; i++) {
			const at = now() + 1 + (i % 7) / 3;
			await sleepUntil(at);
			if (now() < at) {
				early.push(at - now());
			}
		}
		expect(early).toEqual([]);
	});
});
