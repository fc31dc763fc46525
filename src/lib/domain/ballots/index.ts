import { MESSAGES, reject } from './check';
import { checkVote } from './check-vote';
import type { VoteCheck } from './check';
import type { Weighted } from './combine';
import { combineMultiple, tallyMultiple } from './multiple';
import type { MultipleTally } from './multiple';
import { combinePoints, tallyPoints, tallyPointsSums } from './points';
import type { OptionSum, PointsTally } from './points';
import { combineRanking, tallyRanking, tallyRankingPlaces } from './ranking';
import type { OptionPlace, RankingTally } from './ranking';
import { combineScale, tallyScale } from './scale';
import type { ScaleTally } from './scale';
import { combineSingle, tallySingle } from './single';
import type { SingleTally } from './single';
import { combineText, tallyText } from './text';
import type { TextTally } from './text';
import { VoteValue } from './schema';
import type { BallotOf } from './kinds';
import type { Ballot, BallotKind } from './types';

export type { VoteCheck, VoteAccepted, VoteRejected } from './check';
export type { Weighted } from './combine';
export type { OptionCount } from './choice';
export type { MultipleTally, PointsTally, RankingTally, ScaleTally, SingleTally, TextTally };
export type { OptionPoints, OptionSum } from './points';
export type { OptionPlace, RankedOption } from './ranking';
export type { ScaleStep } from './scale';

/** The result of counting the votes on one ballot, discriminated by `kind`. */
export type Tally =
	SingleTally | MultipleTally | RankingTally | PointsTally | ScaleTally | TextTally;

/**
 * Checks untrusted input (e.g. a request body) as a vote on `ballot`: its shape, that its kind
 * matches the ballot's, and the kind's own rules. Returns the normalised vote or a message.
 */
export function validateVote(ballot: Ballot, value: unknown): VoteCheck {
	const parsed = VoteValue.safeParse(value);
	if (!parsed.success) {
		return reject(MESSAGES.unreadable);
	}
	return checkVote(ballot, parsed.data);
}

/**
 * Counts stored votes on `ballot`. Values that are malformed, of another kind or invalid for the
 * ballot as it stands now are left out and counted in `skipped`.
 */
export function tallyVotes(ballot: Ballot, values: readonly unknown[]): Tally {
	// The same value in a row (a grouped vote repeated, as the national rollup does) is read once.
	const counted: CountedValue[] = [];
	for (const value of values) {
		const last = counted.at(-1);
		if (last && last.value === value) {
			last.count++;
		} else {
			counted.push({ value, count: 1 });
		}
	}
	return tallyCounted(ballot, counted);
}

/** A stored vote value and how many voters cast exactly it. */
export interface CountedValue {
	value: unknown;
	count: number;
}

/**
 * As `tallyVotes`, for votes grouped by value (as the database can count them): each distinct
 * value is read once, so a poll of thousands of identical choices costs a handful of checks.
 */
export function tallyCounted(ballot: Ballot, counted: readonly CountedValue[]): Tally {
	const votes: VoteValue[] = [];
	let unreadable = 0;
	for (const { value, count } of counted) {
		const parsed = VoteValue.safeParse(value);
		if (parsed.success) {
			for (let i = 0; i < count; i++) {
				votes.push(parsed.data);
			}
		} else {
			unreadable += count;
		}
	}
	const tally = tallyParsed(ballot, votes);
	return { ...tally, skipped: tally.skipped + unreadable };
}

/**
 * The kinds whose votes are seldom identical (a ranking of seven options has 5,040 orders), so
 * the database adds them up per option instead of grouping identical votes: see `tallySums`.
 */
export const SUMMED_KINDS = ['ranking', 'points'] as const;

/** Whether the ballot's votes are added up per option (`SUMMED_KINDS`). */
export function isSummed(ballot: Ballot): ballot is BallotOf<(typeof SUMMED_KINDS)[number]> {
	return (SUMMED_KINDS as readonly string[]).includes(ballot.kind);
}

/** Votes of a ranking or points ballot added up per option, as the database adds them up. */
export type VoteSums =
	| { kind: 'ranking'; voters: number; places: readonly OptionPlace[] }
	| { kind: 'points'; voters: number; sums: readonly OptionSum[] };

/**
 * The tally of votes added up per option. Only votes that were valid for this very ballot may be
 * added up so (votes are checked against their poll's ballot when cast, and a poll's ballot never
 * changes): a single vote can no longer be checked and skipped. Sums of another kind are skipped
 * whole.
 */
export function tallySums(ballot: Ballot, sums: VoteSums): Tally {
	if (ballot.kind === 'ranking' && sums.kind === 'ranking') {
		return tallyRankingPlaces(ballot, sums.voters, sums.places);
	}
	if (ballot.kind === 'points' && sums.kind === 'points') {
		return tallyPointsSums(ballot, sums.voters, sums.sums);
	}
	const none = tallyParsed(ballot, []);
	return { ...none, skipped: sums.voters };
}

function tallyParsed(ballot: Ballot, votes: readonly VoteValue[]): Tally {
	switch (ballot.kind) {
		case 'single':
			return tallySingle(ballot, votes);
		case 'multiple':
			return tallyMultiple(ballot, votes);
		case 'ranking':
			return tallyRanking(ballot, votes);
		case 'points':
			return tallyPoints(ballot, votes);
		case 'scale':
			return tallyScale(ballot, votes);
		case 'text':
		case 'table':
			return tallyText(ballot, votes);
	}
}

/**
 * Combines tallies of the same ballot (e.g. conferences into a region) as if their votes had
 * been tallied together, each vote counting `weight` times; derived figures are recomputed.
 * Throws if a tally's kind differs from the ballot's or a weight is negative or not finite.
 */
export function combineTallies(ballot: Ballot, parts: readonly Weighted<Tally>[]): Tally {
	switch (ballot.kind) {
		case 'single':
			return combineSingle(ballot, ofKind(parts, 'single'));
		case 'multiple':
			return combineMultiple(ballot, ofKind(parts, 'multiple'));
		case 'ranking':
			return combineRanking(ballot, ofKind(parts, 'ranking'));
		case 'points':
			return combinePoints(ballot, ofKind(parts, 'points'));
		case 'scale':
			return combineScale(ballot, ofKind(parts, 'scale'));
		case 'text':
		case 'table':
			return combineText(ballot, ofKind(parts, ballot.kind));
	}
}

function ofKind<K extends BallotKind>(
	parts: readonly Weighted<Tally>[],
	kind: K
): Weighted<Extract<Tally, { kind: K }>>[] {
	return parts.map(({ tally, weight }) => {
		if (tally.kind !== kind) {
			throw new TypeError(`Cannot combine a ${tally.kind} tally as ${kind}`);
		}
		return { tally: tally as Extract<Tally, { kind: K }>, weight };
	});
}
