import { accept, amount, MESSAGES, reject } from './check';
import type { VoteCheck } from './check';
import { add, assertWeights, totalSkipped, weightedSums, weightedVoters } from './combine';
import type { Weighted } from './combine';
import type { BallotOf, VoteOf } from './kinds';
import { competitionRanks, orderByScore, ratio } from './ranks';
import type { VoteValue } from './types';

export interface RankedOption {
	optionId: string;
	/** Borda points: the number of options each voter ranked it above, summed over voters. */
	borda: number;
	/** Borda points per voter. */
	bordaMean: number;
	/** How many ranked it first. */
	firstPreferences: number;
	/** firstPreferences / voters, 0–1. */
	firstShare: number;
	/** 1 = most Borda points; tied options share a rank. */
	rank: number;
}

export interface RankingTally {
	kind: 'ranking';
	voters: number;
	skipped: number;
	/** In ballot order. */
	options: RankedOption[];
	/** Option ids by Borda points, best first; ties in ballot order. */
	order: string[];
}

/** How many options a voter must rank: `topK` (at most all of them), or all. */
export function rankedCount(ballot: BallotOf<'ranking'>): number {
	return Math.min(ballot.topK ?? ballot.options.length, ballot.options.length);
}

/** A ranking must name exactly `rankedCount(ballot)` distinct, existing options. */
export function validateRanking(
	ballot: BallotOf<'ranking'>,
	value: VoteValue
): VoteCheck<VoteOf<'ranking'>> {
	if (value.kind !== 'ranking') {
		return reject(MESSAGES.wrongKind);
	}
	const ids = new Set(ballot.options.map((option) => option.id));
	if (value.ranking.some((id) => !ids.has(id))) {
		return reject('Rangeringen inneholder et ukjent alternativ.');
	}
	if (new Set(value.ranking).size !== value.ranking.length) {
		return reject('Hvert alternativ kan bare rangeres én gang.');
	}
	const k = rankedCount(ballot);
	if (value.ranking.length !== k) {
		return reject(
			k === ids.size
				? `Ranger alle de ${k} alternativene.`
				: `Ranger nøyaktig ${amount(k, 'alternativ', 'alternativer')}.`
		);
	}
	return accept({ kind: 'ranking', ranking: [...value.ranking] });
}

/**
 * Borda count and first preferences. With m options on the ballot, the option in position i
 * (0-based) gets m − 1 − i points — the number of options it is ranked above — and unranked
 * options get 0. This holds for full and top-K rankings alike: top 3 of 10 gives 9, 8, 7.
 */
export function tallyRanking(
	ballot: BallotOf<'ranking'>,
	values: readonly VoteValue[]
): RankingTally {
	const m = ballot.options.length;
	const borda = new Map<string, number>();
	const firsts = new Map<string, number>();
	let voters = 0;
	for (const value of values) {
		const check = validateRanking(ballot, value);
		if (!check.ok) {
			continue;
		}
		voters++;
		check.value.ranking.forEach((id, i) => add(borda, id, m - 1 - i));
		add(firsts, check.value.ranking[0]!, 1);
	}
	return buildRanking(ballot, voters, values.length - voters, borda, firsts);
}

/** How many voters put an option in one place of their ranking (0 = first). */
export interface OptionPlace {
	optionId: string;
	place: number;
	voters: number;
}

/**
 * The tally of `voters` rankings already added up per option and place, as the database adds
 * them up: every one of them must have been valid for `ballot`, for none can be skipped any more.
 */
export function tallyRankingPlaces(
	ballot: BallotOf<'ranking'>,
	voters: number,
	places: readonly OptionPlace[]
): RankingTally {
	const m = ballot.options.length;
	const borda = new Map<string, number>();
	const firsts = new Map<string, number>();
	for (const { optionId, place, voters: n } of places) {
		add(borda, optionId, n * (m - 1 - place));
		if (place === 0) {
			add(firsts, optionId, n);
		}
	}
	return buildRanking(ballot, voters, 0, borda, firsts);
}

/** Adds up tallies of the same ballot, each vote counting `weight` times. */
export function combineRanking(
	ballot: BallotOf<'ranking'>,
	parts: readonly Weighted<RankingTally>[]
): RankingTally {
	assertWeights(parts);
	const borda = weightedSums(parts, (t) => t.options.map((o) => [o.optionId, o.borda] as const));
	const firsts = weightedSums(parts, (t) =>
		t.options.map((o) => [o.optionId, o.firstPreferences] as const)
	);
	return buildRanking(ballot, weightedVoters(parts), totalSkipped(parts), borda, firsts);
}

function buildRanking(
	ballot: BallotOf<'ranking'>,
	voters: number,
	skipped: number,
	borda: ReadonlyMap<string, number>,
	firsts: ReadonlyMap<string, number>
): RankingTally {
	const points = ballot.options.map((option) => borda.get(option.id) ?? 0);
	const ranks = competitionRanks(points);
	const options = ballot.options.map((option, i): RankedOption => {
		const firstPreferences = firsts.get(option.id) ?? 0;
		return {
			optionId: option.id,
			borda: points[i]!,
			bordaMean: ratio(points[i]!, voters),
			firstPreferences,
			firstShare: ratio(firstPreferences, voters),
			rank: ranks[i]!
		};
	});
	const order = orderByScore(points).map((i) => ballot.options[i]!.id);
	return { kind: 'ranking', voters, skipped, options, order };
}
