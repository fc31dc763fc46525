/** Percentiles and summaries of latency samples (milliseconds). */

export interface Percentiles {
	p50: number;
	p95: number;
	p99: number;
}

/** Epoch milliseconds with sub-millisecond precision: one clock for every process on the machine. */
export const now = () => performance.timeOrigin + performance.now();

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `at` on `now()`'s clock. A timer may fire up to a millisecond early (the event
 * loop's clock is read once per turn, in whole milliseconds), and a vote timed as sent before
 * the steady state began would fall out of its timeline.
 */
export async function sleepUntil(at: number) {
	while (now() < at) {
		await sleep(Math.max(1, at - now()));
	}
}

/** Nearest-rank percentile of sorted samples; null when there are none. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
	if (sorted.length === 0) {
		return null;
	}
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

const round = (n: number | null, digits = 1) =>
	n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits;

/** p50/p95/p99 of the samples, rounded to 0.1 ms; null when there are no samples. */
export function percentiles(samples: readonly number[]): Percentiles | null {
	if (samples.length === 0) {
		return null;
	}
	const sorted = Float64Array.from(samples).sort();
	const at = (p: number) => round(percentile(sorted, p))!;
	return { p50: at(50), p95: at(95), p99: at(99) };
}

export function max(samples: readonly number[]): number | null {
	let best: number | null = null;
	for (const s of samples) {
		best = best === null || s > best ? s : best;
	}
	return best;
}

export function mean(samples: readonly number[]): number | null {
	return samples.length === 0 ? null : samples.reduce((a, b) => a + b, 0) / samples.length;
}

export { round };

/** One window of a phase: the votes sent in it, and their acknowledgement latency. */
export interface LatencyWindow {
	/** Seconds from the phase's start to the window's start. */
	fromS: number;
	votes: number;
	p50: number | null;
	p95: number | null;
}

/**
 * Latency samples grouped by when they were sent, in windows of `windowMs` from `startAt`: shows
 * whether a run's tail is spread evenly or comes from a few moments (a question opening).
 */
export function latencyTimeline(
	sentAt: readonly number[],
	latencyMs: readonly number[],
	startAt: number,
	windowMs: number
): LatencyWindow[] {
	const windows: number[][] = [];
	sentAt.forEach((at, i) => {
		const index = Math.floor((at - startAt) / windowMs);
		if (index >= 0) {
			(windows[index] ??= []).push(latencyMs[i]!);
		}
	});
	return Array.from(windows, (samples = [], index) => {
		const p = percentiles(samples);
		return {
			fromS: (index * windowMs) / 1000,
			votes: samples.length,
			p50: p?.p50 ?? null,
			p95: p?.p95 ?? null
		};
	});
}

/** Adds `extra` into `into`, key by key. */
export function addCounts(into: Record<string, number>, extra: Record<string, number>) {
	for (const [key, n] of Object.entries(extra)) {
		into[key] = (into[key] ?? 0) + n;
	}
	return into;
}

/** JSON with object keys sorted, so two equal values compare equal as strings. */
export function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: v
	);
}
