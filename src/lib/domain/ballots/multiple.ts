import { accept, amount, MESSAGES, reject } from './check';
import type { VoteCheck } from './check';
import { combineChoice, tallyChoice } from './choice';
import type { ChoiceTally } from './choice';
import type { Weighted } from './combine';
import type { BallotOf, VoteOf } from './kinds';
import type { VoteValue } from './types';

export type MultipleTally = ChoiceTally<'multiple'>;

/**
 * Each chosen option must exist and be chosen once; the number chosen must lie within
 * [min, max]. With `min` 0 an empty choice is a valid blank vote. The normalised value lists
 * the options in ballot order.
 */
export function validateMultiple(
	ballot: BallotOf<'multiple'>,
	value: VoteValue
): VoteCheck<VoteOf<'multiple'>> {
	if (value.kind !== 'multiple') {
		return reject(MESSAGES.wrongKind);
	}
	const chosen = new Set(value.optionIds);
	const ids = ballot.options.map((option) => option.id);
	if (value.optionIds.some((id) => !ids.includes(id))) {
		return reject('Valget inneholder et ukjent alternativ.');
	}
	if (chosen.size !== value.optionIds.length) {
		return reject('Hvert alternativ kan bare velges én gang.');
	}
	const max = Math.min(ballot.max, ids.length);
	if (ballot.min > max) {
		return reject(MESSAGES.misconfigured);
	}
	if (chosen.size < ballot.min) {
		return reject(`Velg minst ${amount(ballot.min, 'alternativ', 'alternativer')}.`);
	}
	if (chosen.size > max) {
		return reject(`Velg høyst ${amount(max, 'alternativ', 'alternativer')}.`);
	}
	return accept({ kind: 'multiple', optionIds: ids.filter((id) => chosen.has(id)) });
}

/** Votes per option, with shares of all voters (blank votes included); invalid votes skipped. */
export function tallyMultiple(
	ballot: BallotOf<'multiple'>,
	values: readonly VoteValue[]
): MultipleTally {
	const validate = (value: VoteValue) => validateMultiple(ballot, value);
	return tallyChoice('multiple', ballot.options, values, validate, (vote) => vote.optionIds);
}

/** Adds up tallies of the same ballot, each vote counting `weight` times. */
export function combineMultiple(
	ballot: BallotOf<'multiple'>,
	parts: readonly Weighted<MultipleTally>[]
): MultipleTally {
	return combineChoice('multiple', ballot.options, parts);
}
