/** Scores closer than this (relative to their size) count as tied; weighted sums carry float noise. */
const RELATIVE_EPSILON = 1e-9;

function greater(a: number, b: number): boolean {
	return a - b > RELATIVE_EPSILON * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Standard competition ranks ("1224") for scores where higher is better: tied scores share a
 * rank and the next rank is skipped.
 */
export function competitionRanks(scores: readonly number[]): number[] {
	return scores.map((score) => 1 + scores.filter((other) => greater(other, score)).length);
}

/** Indices of `scores` from best to worst; ties keep their original (ballot) order. */
export function orderByScore(scores: readonly number[]): number[] {
	const ranks = competitionRanks(scores);
	return ranks.map((_, i) => i).sort((a, b) => ranks[a]! - ranks[b]! || a - b);
}

/** `part / whole`, or 0 when there is nothing to divide by. */
export function ratio(part: number, whole: number): number {
	return whole > 0 ? part / whole : 0;
}
