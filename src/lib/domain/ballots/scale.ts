import { accept, MESSAGES, reject } from './check';
import type { VoteCheck } from './check';
import { add, assertWeights, totalSkipped, weightedSums, weightedVoters } from './combine';
import type { Weighted } from './combine';
import type { BallotOf, VoteOf } from './kinds';
import { ratio } from './ranks';
import type { VoteValue } from './types';

/** A scale with more steps than this is treated as misconfigured (and takes no votes). */
export const MAX_SCALE_STEPS = 1001;

export interface ScaleStep {
	value: number;
	count: number;
	/** count / voters, 0–1. */
	share: number;
}

export interface ScaleTally {
	kind: 'scale';
	voters: number;
	skipped: number;
	/** Every step from min to max, in order, including those nobody chose. */
	steps: ScaleStep[];
	/** null when nobody has voted. */
	mean: number | null;
	/** The middle answer; the midpoint of the two middle answers when their number is even. */
	median: number | null;
}

/** The whole-number steps of the scale, or null when it has none or too many. */
export function scaleSteps(ballot: BallotOf<'scale'>): number[] | null {
	const size = ballot.max - ballot.min + 1;
	if (!Number.isSafeInteger(size) || size < 2 || size > MAX_SCALE_STEPS) {
		return null;
	}
	return Array.from({ length: size }, (_, i) => ballot.min + i);
}

export function validateScale(
	ballot: BallotOf<'scale'>,
	value: VoteValue
): VoteCheck<VoteOf<'scale'>> {
	if (value.kind !== 'scale') {
		return reject(MESSAGES.wrongKind);
	}
	if (scaleSteps(ballot) === null) {
		return reject(MESSAGES.misconfigured);
	}
	const v = value.value;
	if (!Number.isInteger(v) || v < ballot.min || v > ballot.max) {
		return reject(`Velg en verdi fra ${ballot.min} til ${ballot.max}.`);
	}
	return accept({ kind: 'scale', value: v });
}

/** Distribution over the steps, mean and median; invalid votes are skipped. */
export function tallyScale(ballot: BallotOf<'scale'>, values: readonly VoteValue[]): ScaleTally {
	const counts = new Map<number, number>();
	let voters = 0;
	for (const value of values) {
		const check = validateScale(ballot, value);
		if (!check.ok) {
			continue;
		}
		voters++;
		add(counts, check.value.value, 1);
	}
	return buildScale(ballot, voters, values.length - voters, counts);
}

/** Adds up tallies of the same ballot, each vote counting `weight` times. */
export function combineScale(
	ballot: BallotOf<'scale'>,
	parts: readonly Weighted<ScaleTally>[]
): ScaleTally {
	assertWeights(parts);
	const counts = weightedSums(parts, (t) => t.steps.map((s) => [s.value, s.count] as const));
	return buildScale(ballot, weightedVoters(parts), totalSkipped(parts), counts);
}

function buildScale(
	ballot: BallotOf<'scale'>,
	voters: number,
	skipped: number,
	counts: ReadonlyMap<number, number>
): ScaleTally {
	const steps = (scaleSteps(ballot) ?? []).map((value) => {
		const count = counts.get(value) ?? 0;
		return { value, count, share: ratio(count, voters) };
	});
	const total = steps.reduce((sum, step) => sum + step.count, 0);
	const mean = total > 0 ? steps.reduce((sum, s) => sum + s.value * s.count, 0) / total : null;
	return { kind: 'scale', voters, skipped, steps, mean, median: median(steps, total) };
}

/** Weighted median of the steps; counts may be fractional. */
function median(steps: readonly ScaleStep[], total: number): number | null {
	if (total <= 0) {
		return null;
	}
	const half = total / 2;
	const used = steps.filter((step) => step.count > 0);
	let below = 0;
	for (const [i, step] of used.entries()) {
		below += step.count;
		if (Math.abs(below - half) <= 1e-9 * total) {
			return (step.value + (used[i + 1]?.value ?? step.value)) / 2;
		}
		if (below > half) {
			return step.value;
		}
	}
	return used.at(-1)?.value ?? null;
}
