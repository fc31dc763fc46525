import type { Tally } from './ballots';
import type { BallotKind } from './ballots/types';

/** Fewer voters than this and a result is shown only as "for få svar". */
export const DEFAULT_MIN_GROUP = 5;

type WithoutSkipped<T> = T extends unknown ? Omit<T, 'skipped'> : never;

/** A result as shown to participants and on screen. */
export type ShownResult = WithoutSkipped<Tally> & { suppressed: false };

/** A result with too few voters to show without risking someone's anonymity. */
export interface SuppressedResult {
	kind: BallotKind;
	voters: number;
	suppressed: true;
}

export type PublicResult = ShownResult | SuppressedResult;

export interface PublicResultOptions {
	/** Fewest voters for which figures are shown; default 5. */
	minGroup?: number;
}

/** Throws unless `minGroup` is a whole number ≥ 1. */
export function assertMinGroup(minGroup: number): void {
	if (!Number.isInteger(minGroup) || minGroup < 1) {
		throw new RangeError(`minGroup must be a whole number ≥ 1, got ${minGroup}`);
	}
}

/**
 * Whether a tally is too small to show. Text and table tallies are never suppressed: they hold
 * only the number of answers, which is shown anyway.
 */
export function isTooSmall(tally: Tally, minGroup = DEFAULT_MIN_GROUP): boolean {
	assertMinGroup(minGroup);
	return tally.kind !== 'text' && tally.kind !== 'table' && tally.voters < minGroup;
}

/**
 * The tally as it may be shown: without `skipped`, or — with fewer than `minGroup` voters — with
 * every figure but the number of voters withheld (small-number suppression).
 */
export function publicResult(tally: Tally, options: PublicResultOptions = {}): PublicResult {
	if (isTooSmall(tally, options.minGroup)) {
		return suppressedResult(tally);
	}
	return shownResult(tally);
}

/** The tally with every figure but the number of voters withheld. */
export function suppressedResult(tally: Tally): SuppressedResult {
	return { kind: tally.kind, voters: tally.voters, suppressed: true };
}

function shownResult(tally: Tally): ShownResult {
	const shown: Partial<Tally> = { ...tally };
	delete shown.skipped;
	return { ...(shown as WithoutSkipped<Tally>), suppressed: false };
}
