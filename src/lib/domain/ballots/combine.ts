/** A tally with the weight its votes get when tallies are combined (1 = as cast). */
export interface Weighted<T> {
	tally: T;
	weight: number;
}

interface Counted {
	voters: number;
	skipped: number;
}

/** Throws unless every weight is a finite number ≥ 0. */
export function assertWeights(parts: readonly Weighted<unknown>[]): void {
	for (const { weight } of parts) {
		if (!Number.isFinite(weight) || weight < 0) {
			throw new RangeError(`Invalid tally weight: ${weight}`);
		}
	}
}

export function weightedVoters(parts: readonly Weighted<Counted>[]): number {
	return parts.reduce((sum, { tally, weight }) => sum + weight * tally.voters, 0);
}

/** Skipped votes are reported as cast, never weighted. */
export function totalSkipped(parts: readonly Weighted<Counted>[]): number {
	return parts.reduce((sum, { tally }) => sum + tally.skipped, 0);
}

/** Sums `weight × amount` per key over all parts. */
export function weightedSums<T, K>(
	parts: readonly Weighted<T>[],
	entries: (tally: T) => Iterable<readonly [K, number]>
): Map<K, number> {
	const sums = new Map<K, number>();
	for (const { tally, weight } of parts) {
		for (const [key, value] of entries(tally)) {
			add(sums, key, weight * value);
		}
	}
	return sums;
}

export function add<K>(map: Map<K, number>, key: K, amount: number): void {
	map.set(key, (map.get(key) ?? 0) + amount);
}
