import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottle } from './throttle';

describe('throttle', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('runs a lone change at once', () => {
		const runs: string[] = [];
		const throttle = createThrottle(250, (key) => runs.push(key));
		throttle.schedule('a');
		vi.advanceTimersByTime(0);
		expect(runs).toEqual(['a']);
	});

	it('runs a flood of changes at most once per interval per key, the last at the end', () => {
		const runs: Array<[string, number]> = [];
		const throttle = createThrottle(250, (key) => runs.push([key, Date.now()]));
		const start = Date.now();
		for (let t = 0; t < 1000; t += 10) {
			throttle.schedule('a');
			if (t % 100 === 0) {
				throttle.schedule('b');
			}
			vi.advanceTimersByTime(10);
		}
		vi.advanceTimersByTime(500);
		const times = (key: string) => runs.filter(([k]) => k === key).map(([, at]) => at - start);
		expect(times('a')).toEqual([0, 250, 500, 750, 1000]);
		expect(times('b')).toEqual([0, 250, 500, 750, 1000]);
	});

	it('runs again at once after a quiet spell', () => {
		const runs: number[] = [];
		const throttle = createThrottle(250, () => runs.push(Date.now()));
		const start = Date.now();
		throttle.schedule('a');
		vi.advanceTimersByTime(1000);
		throttle.schedule('a');
		vi.advanceTimersByTime(0);
		expect(runs.map((at) => at - start)).toEqual([0, 1000]);
	});

	it('runs nothing after stop', () => {
		const runs: string[] = [];
		const throttle = createThrottle(250, (key) => runs.push(key));
		throttle.schedule('a');
		vi.advanceTimersByTime(0);
		throttle.schedule('a');
		throttle.stop();
		vi.advanceTimersByTime(1000);
		expect(runs).toEqual(['a']);
	});
});
