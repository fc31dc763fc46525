import { describe, expect, it, vi } from 'vitest';
import { createRateLimiter } from './rate-limit';
import { createLogger } from './log';

describe('the in-memory rate limiter', () => {
	const log = createLogger('error');

	it('allows up to the limit in a window, then refuses', async () => {
		const limiter = createRateLimiter(undefined, log);
		const results = [];
		for (let i = 0; i < 4; i++) {
			results.push(await limiter.allow('ip:1', 3, 60));
		}
		expect(results).toEqual([true, true, true, false]);
		expect(await limiter.allow('ip:2', 3, 60)).toBe(true);
	});

	it('reads a count without adding to it', async () => {
		const limiter = createRateLimiter(undefined, log);
		expect(await limiter.count('fail:a', 60)).toBe(0);
		await limiter.allow('fail:a', 3, 60);
		await limiter.allow('fail:a', 3, 60);
		expect(await limiter.count('fail:a', 60)).toBe(2);
		expect(await limiter.count('fail:a', 60)).toBe(2);
		expect(await limiter.count('fail:b', 60)).toBe(0);
	});

	it('starts counting again in the next window', async () => {
		vi.useFakeTimers();
		try {
			vi.setSystemTime(new Date('2026-01-01T10:00:00Z'));
			const limiter = createRateLimiter(undefined, log);
			expect(await limiter.allow('k', 1, 10)).toBe(true);
			expect(await limiter.allow('k', 1, 10)).toBe(false);
			vi.setSystemTime(new Date('2026-01-01T10:00:10Z'));
			expect(await limiter.allow('k', 1, 10)).toBe(true);
		} finally {
			vi.useRealTimers();
		}
	});
});
