import { accept, MESSAGES, reject } from './check';
import type { VoteCheck } from './check';
import { combineChoice, tallyChoice } from './choice';
import type { ChoiceTally } from './choice';
import type { Weighted } from './combine';
import type { BallotOf, VoteOf } from './kinds';
import type { VoteValue } from './types';

export type SingleTally = ChoiceTally<'single'>;

export function validateSingle(
	ballot: BallotOf<'single'>,
	value: VoteValue
): VoteCheck<VoteOf<'single'>> {
	if (value.kind !== 'single') {
		return reject(MESSAGES.wrongKind);
	}
	const { optionId } = value;
	if (!ballot.options.some((option) => option.id === optionId)) {
		return reject('Velg ett av alternativene.');
	}
	return accept({ kind: 'single', optionId });
}

/** Votes per option; invalid votes are skipped. */
export function tallySingle(ballot: BallotOf<'single'>, values: readonly VoteValue[]): SingleTally {
	const validate = (value: VoteValue) => validateSingle(ballot, value);
	return tallyChoice('single', ballot.options, values, validate, (vote) => [vote.optionId]);
}

/** Adds up tallies of the same ballot, each vote counting `weight` times. */
export function combineSingle(
	ballot: BallotOf<'single'>,
	parts: readonly Weighted<SingleTally>[]
): SingleTally {
	return combineChoice('single', ballot.options, parts);
}
