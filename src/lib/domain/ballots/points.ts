import { accept, amount, MESSAGES, reject } from './check';
import type { VoteCheck } from './check';
import { add, assertWeights, totalSkipped, weightedSums, weightedVoters } from './combine';
import type { Weighted } from './combine';
import type { BallotOf, VoteOf } from './kinds';
import { competitionRanks, ratio } from './ranks';
import type { VoteValue } from './types';

export interface OptionPoints {
	optionId: string;
	/** Points given to the option by all voters. */
	sum: number;
	/** sum / voters: the average a voter gave it, counting voters who gave it nothing. */
	mean: number;
	/** sum / all points given, 0–1. */
	share: number;
	/** 1 = most points; tied options share a rank. */
	rank: number;
}

export interface PointsTally {
	kind: 'points';
	voters: number;
	skipped: number;
	/** All points given, over all options. */
	totalPoints: number;
	/** In ballot order. */
	options: OptionPoints[];
}

const points = (n: number) => amount(n, 'poeng', 'poeng');

/**
 * Points must be whole numbers ≥ 0 on existing options, at most `cap` on one option, at least 1
 * and at most `budget` in all: a voter need not spend the whole budget. The normalised value
 * drops zero entries and lists options in ballot order.
 */
export function validatePoints(
	ballot: BallotOf<'points'>,
	value: VoteValue
): VoteCheck<VoteOf<'points'>> {
	if (value.kind !== 'points') {
		return reject(MESSAGES.wrongKind);
	}
	const given = new Map(Object.entries(value.points));
	const ids = ballot.options.map((option) => option.id);
	if ([...given.keys()].some((id) => !ids.includes(id))) {
		return reject('Poengene gjelder et ukjent alternativ.');
	}
	const amounts = [...given.values()];
	if (amounts.some((n) => !Number.isSafeInteger(n) || n < 0)) {
		return reject('Poeng må være hele tall fra 0 og oppover.');
	}
	const { cap, budget } = ballot;
	if (cap !== undefined && amounts.some((n) => n > cap)) {
		return reject(`Du kan gi høyst ${points(cap)} til hvert alternativ.`);
	}
	const total = amounts.reduce((sum, n) => sum + n, 0);
	if (total > budget) {
		return reject(`Du har bare ${points(budget)} å dele ut.`);
	}
	if (total === 0) {
		return reject('Gi minst ett poeng.');
	}
	const kept = ids.filter((id) => (given.get(id) ?? 0) > 0).map((id) => [id, given.get(id)!]);
	return accept({ kind: 'points', points: Object.fromEntries(kept) });
}

/** Points per option; invalid votes are skipped. */
export function tallyPoints(ballot: BallotOf<'points'>, values: readonly VoteValue[]): PointsTally {
	const sums = new Map<string, number>();
	let voters = 0;
	for (const value of values) {
		const check = validatePoints(ballot, value);
		if (!check.ok) {
			continue;
		}
		voters++;
		for (const [id, n] of Object.entries(check.value.points)) {
			add(sums, id, n);
		}
	}
	return buildPoints(ballot, voters, values.length - voters, sums);
}

/** The points one option got from all voters. */
export interface OptionSum {
	optionId: string;
	points: number;
}

/**
 * The tally of `voters` votes already added up per option, as the database adds them up: every
 * one of them must have been valid for `ballot`, for none can be skipped any more.
 */
export function tallyPointsSums(
	ballot: BallotOf<'points'>,
	voters: number,
	sums: readonly OptionSum[]
): PointsTally {
	const byOption = new Map<string, number>();
	for (const { optionId, points: n } of sums) {
		add(byOption, optionId, n);
	}
	return buildPoints(ballot, voters, 0, byOption);
}

/** Adds up tallies of the same ballot, each vote counting `weight` times. */
export function combinePoints(
	ballot: BallotOf<'points'>,
	parts: readonly Weighted<PointsTally>[]
): PointsTally {
	assertWeights(parts);
	const sums = weightedSums(parts, (t) => t.options.map((o) => [o.optionId, o.sum] as const));
	return buildPoints(ballot, weightedVoters(parts), totalSkipped(parts), sums);
}

function buildPoints(
	ballot: BallotOf<'points'>,
	voters: number,
	skipped: number,
	sums: ReadonlyMap<string, number>
): PointsTally {
	const values = ballot.options.map((option) => sums.get(option.id) ?? 0);
	const totalPoints = values.reduce((sum, n) => sum + n, 0);
	const ranks = competitionRanks(values);
	const options = ballot.options.map((option, i) => ({
		optionId: option.id,
		sum: values[i]!,
		mean: ratio(values[i]!, voters),
		share: ratio(values[i]!, totalPoints),
		rank: ranks[i]!
	}));
	return { kind: 'points', voters, skipped, totalPoints, options };
}
