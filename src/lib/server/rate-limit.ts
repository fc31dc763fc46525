import type { RedisHandle } from './redis';
import type { Logger } from './log';

/** Fixed-window limits per key, shared by all nodes through Redis when there is one. */
export interface RateLimiter {
	/** Counts one hit; false when `key` has had more than `limit` hits in the current window. */
	allow(key: string, limit: number, windowSeconds: number): Promise<boolean>;
	/** Hits on `key` in the current window, without counting one. */
	count(key: string, windowSeconds: number): Promise<number>;
}

export function createRateLimiter(redis: RedisHandle | undefined, log: Logger): RateLimiter {
	return redis ? redisLimiter(redis, log) : memoryLimiter();
}

const LIMIT_TIMEOUT_MS = 250;

function windowKey(key: string, windowSeconds: number, now: number) {
	return `droft:rl:${key}:${Math.floor(now / 1000 / windowSeconds)}`;
}

function redisLimiter(redis: RedisHandle, log: Logger): RateLimiter {
	return {
		async allow(key, limit, windowSeconds) {
			const k = windowKey(key, windowSeconds, Date.now());
			let timer: NodeJS.Timeout | undefined;
			try {
				const counted = redis.client
					.multi()
					.incr(k)
					.expire(k, windowSeconds + 1)
					.exec();
				counted.catch(() => {}); // may settle after the race below: nothing left to do then
				// While Redis reconnects, commands queue: a vote must not wait for them.
				const late = new Promise<never>((_, reject) => {
					timer = setTimeout(
						() => reject(new Error('rate limit check timed out')),
						LIMIT_TIMEOUT_MS
					);
				});
				const [count] = (await Promise.race([counted, late])) as unknown as [number, number];
				return Number(count) <= limit;
			} catch (error) {
				// Limits protect against abuse; an outage of Redis must not stop the conference.
				log.debug('rate limit unavailable, allowing', { error });
				return true;
			} finally {
				clearTimeout(timer);
			}
		},
		async count(key, windowSeconds) {
			const k = windowKey(key, windowSeconds, Date.now());
			let timer: NodeJS.Timeout | undefined;
			try {
				const read = redis.client.get(k);
				read.catch(() => {});
				const late = new Promise<never>((_, reject) => {
					timer = setTimeout(
						() => reject(new Error('rate limit read timed out')),
						LIMIT_TIMEOUT_MS
					);
				});
				return Number((await Promise.race([read, late])) ?? 0);
			} catch (error) {
				log.debug('rate limit unavailable, allowing', { error });
				return 0;
			} finally {
				clearTimeout(timer);
			}
		}
	};
}

function memoryLimiter(): RateLimiter {
	const windows = new Map<string, { count: number; expires: number }>();
	let sweptAt = 0;
	return {
		async allow(key, limit, windowSeconds) {
			const now = Date.now();
			if (now - sweptAt > 60_000) {
				// Ended windows are dropped now and then, so the map cannot grow without bound.
				for (const [k, w] of windows) {
					if (w.expires < now) {
						windows.delete(k);
					}
				}
				sweptAt = now;
			}
			const k = windowKey(key, windowSeconds, now);
			const window = windows.get(k) ?? { count: 0, expires: now + windowSeconds * 1000 };
			window.count++;
			windows.set(k, window);
			return window.count <= limit;
		},
		async count(key, windowSeconds) {
			return windows.get(windowKey(key, windowSeconds, Date.now()))?.count ?? 0;
		}
	};
}
