import type { Ballot } from './ballots/types';
import type { PublicResult } from './tally';

/**
 * One figure a result can be summed up by, to colour a county on the national tile grid: the
 * share choosing an option (single, multiple), ranking it first (ranking), the share of the
 * points given to it (points), or a scale's mean. Text ballots have none.
 */
export interface Measure {
	/** "ballotId" for a scale's mean; "ballotId/optionId" for an option. */
	key: string;
	ballotId: string;
	optionId: string | null;
	kind: 'share' | 'first-share' | 'points-share' | 'mean';
	/** The range the figure lies in: 0–1 for shares, the scale's ends for a mean. */
	min: number;
	max: number;
}

export type MeasureValue =
	| {
			state: 'value';
			value: number;
			/** 0–1 within [min, max], for the colour. */ fraction: number;
	  }
	| { state: 'suppressed'; voters: number }
	| { state: 'none' };

export function measureKey(ballotId: string, optionId: string | null = null): string {
	return optionId === null ? ballotId : `${ballotId}/${optionId}`;
}

const OPTION_KIND = {
	single: 'share',
	multiple: 'share',
	ranking: 'first-share',
	points: 'points-share'
} as const;

/** Every measure of a ballot, in ballot order. */
export function measuresOf(ballot: Ballot): Measure[] {
	if (ballot.kind === 'scale') {
		return [
			{
				key: measureKey(ballot.id),
				ballotId: ballot.id,
				optionId: null,
				kind: 'mean',
				min: ballot.min,
				max: ballot.max
			}
		];
	}
	if (ballot.kind === 'text' || ballot.kind === 'table') {
		return [];
	}
	return ballot.options.map((option) => ({
		key: measureKey(ballot.id, option.id),
		ballotId: ballot.id,
		optionId: option.id,
		kind: OPTION_KIND[ballot.kind],
		min: 0,
		max: 1
	}));
}

/** The measure with `key` among the ballots' measures, if any. */
export function findMeasure(ballots: readonly Ballot[], key: string): Measure | undefined {
	for (const ballot of ballots) {
		const found = measuresOf(ballot).find((measure) => measure.key === key);
		if (found) {
			return found;
		}
	}
	return undefined;
}

/** The measure's figure in a result: nothing without votes, withheld for a small group. */
export function measureValue(measure: Measure, result: PublicResult | undefined): MeasureValue {
	if (!result || result.voters === 0) {
		return { state: 'none' };
	}
	if (result.suppressed) {
		return { state: 'suppressed', voters: result.voters };
	}
	const value = rawValue(measure, result);
	if (value === null) {
		return { state: 'none' };
	}
	const span = measure.max - measure.min;
	const fraction = span > 0 ? Math.min(1, Math.max(0, (value - measure.min) / span)) : 0;
	return { state: 'value', value, fraction };
}

function rawValue(measure: Measure, result: Exclude<PublicResult, { suppressed: true }>) {
	switch (result.kind) {
		case 'scale':
			return result.mean;
		case 'single':
		case 'multiple':
			return result.options.find((o) => o.optionId === measure.optionId)?.share ?? null;
		case 'ranking':
			return result.options.find((o) => o.optionId === measure.optionId)?.firstShare ?? null;
		case 'points':
			return result.options.find((o) => o.optionId === measure.optionId)?.share ?? null;
		default:
			return null;
	}
}
