import { add, assertWeights, totalSkipped, weightedSums, weightedVoters } from './combine';
import type { Weighted } from './combine';
import type { VoteCheck } from './check';
import { competitionRanks, ratio } from './ranks';
import type { BallotOption, VoteValue } from './types';

/** How many voters chose an option, and their share of all voters counted. */
export interface OptionCount {
	optionId: string;
	count: number;
	/** count / voters, 0–1. With multiple choice the shares can add up to more than 1. */
	share: number;
	/** 1 = most chosen; tied options share a rank. */
	rank: number;
}

export interface ChoiceTally<K extends 'single' | 'multiple'> {
	kind: K;
	voters: number;
	/** Votes left out because they were invalid for this ballot. */
	skipped: number;
	/** In ballot order. */
	options: OptionCount[];
}

export function optionCounts(
	options: readonly BallotOption[],
	counts: ReadonlyMap<string, number>,
	voters: number
): OptionCount[] {
	const values = options.map((option) => counts.get(option.id) ?? 0);
	const ranks = competitionRanks(values);
	return options.map((option, i) => ({
		optionId: option.id,
		count: values[i]!,
		share: ratio(values[i]!, voters),
		rank: ranks[i]!
	}));
}

/** Counts the options chosen in each valid vote; invalid votes are skipped. */
export function tallyChoice<K extends 'single' | 'multiple', V extends VoteValue>(
	kind: K,
	options: readonly BallotOption[],
	values: readonly VoteValue[],
	validate: (value: VoteValue) => VoteCheck<V>,
	chosen: (vote: V) => readonly string[]
): ChoiceTally<K> {
	const counts = new Map<string, number>();
	let voters = 0;
	for (const value of values) {
		const check = validate(value);
		if (!check.ok) {
			continue;
		}
		voters++;
		for (const optionId of chosen(check.value)) {
			add(counts, optionId, 1);
		}
	}
	const skipped = values.length - voters;
	return { kind, voters, skipped, options: optionCounts(options, counts, voters) };
}

export function combineChoice<K extends 'single' | 'multiple'>(
	kind: K,
	options: readonly BallotOption[],
	parts: readonly Weighted<ChoiceTally<K>>[]
): ChoiceTally<K> {
	assertWeights(parts);
	const counts = weightedSums(parts, (t) => t.options.map((o) => [o.optionId, o.count] as const));
	const voters = weightedVoters(parts);
	return {
		kind,
		voters,
		skipped: totalSkipped(parts),
		options: optionCounts(options, counts, voters)
	};
}
