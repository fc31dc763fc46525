export interface Throttle {
	/** Something about `key` changed: run for it at once if it was quiet, else once the interval is up. */
	schedule(key: string): void;
	stop(): void;
}

/**
 * Runs `run(key)` at most once per `intervalMs` for each key. The first change after a quiet
 * spell runs on the next turn of the event loop; changes within the interval share one run at
 * its end, which sees all of them. So a screen hears of a lone change at once, and of a flood of
 * changes at a steady pace.
 */
export function createThrottle(
	intervalMs: number,
	run: (key: string) => void,
	now: () => number = Date.now
): Throttle {
	const lastRun = new Map<string, number>();
	const timers = new Map<string, NodeJS.Timeout>();

	return {
		schedule(key) {
			if (timers.has(key)) {
				return;
			}
			const last = lastRun.get(key);
			const wait = last === undefined ? 0 : Math.max(0, last + intervalMs - now());
			const timer = setTimeout(() => {
				timers.delete(key);
				lastRun.set(key, now());
				run(key);
			}, wait);
			timers.set(key, timer);
		},
		stop() {
			timers.forEach((timer) => clearTimeout(timer));
			timers.clear();
		}
	};
}
