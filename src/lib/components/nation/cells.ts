import { m } from '$lib/paraglide/messages';
import type { Ballot } from '$lib/domain/ballots/types';
import type { Measure } from '$lib/domain/measure';
import type { PublicResult } from '$lib/domain/tally';
import { decimal, letter, percent } from './format';

/** A figure column of a results table: an option, a scale's mean or one of its steps. */
export interface Column {
	key: string;
	/** Shown in the heading: a letter for an option, a step's value, "Snitt". */
	short: string;
	/** Read out with the heading and listed in the key below the table. */
	label: string;
}

export type Cells =
	| { state: 'none' }
	| { state: 'suppressed'; voters: number }
	| { state: 'shown'; voters: number; values: string[] };

/** The figure columns of a ballot; text and table ballots have none (only the count). */
export function columnsOf(ballot: Ballot): Column[] {
	switch (ballot.kind) {
		case 'single':
		case 'multiple':
		case 'ranking':
		case 'points':
			return ballot.options.map((option, i) => ({
				key: option.id,
				short: letter(i),
				label: option.label
			}));
		case 'scale': {
			const steps = [];
			for (let value = ballot.min; value <= ballot.max && steps.length < 21; value++) {
				const label = ballot.labels?.[String(value)] ?? poleOf(ballot, value);
				steps.push({
					key: `step-${value}`,
					short: String(value),
					label: label ? `${value}: ${label}` : String(value)
				});
			}
			return [{ key: 'mean', short: m.nation_mean_short(), label: m.nation_mean() }, ...steps];
		}
		default:
			return [];
	}
}

function poleOf(ballot: Extract<Ballot, { kind: 'scale' }>, value: number) {
	return value === ballot.min ? ballot.poles?.low : value === ballot.max ? ballot.poles?.high : '';
}

/** What the ballot's figures mean, for the table's caption. */
export function figuresNote(ballot: Ballot): string {
	switch (ballot.kind) {
		case 'single':
			return m.nation_note_single();
		case 'multiple':
			return m.nation_note_multiple();
		case 'ranking':
			return m.nation_note_ranking();
		case 'points':
			return m.nation_note_points();
		case 'scale':
			return m.nation_note_scale();
		default:
			return m.nation_note_text();
	}
}

/** One row's figures, in column order; nothing or "too few" when there is nothing to show. */
export function cellsOf(ballot: Ballot, result: PublicResult | undefined): Cells {
	if (!result || result.voters === 0) {
		return { state: 'none' };
	}
	if (result.suppressed) {
		return { state: 'suppressed', voters: result.voters };
	}
	const values = (() => {
		switch (result.kind) {
			case 'single':
			case 'multiple':
			case 'points':
				return result.options.map((o) => percent(o.share));
			case 'ranking':
				return result.options.map((o) => `${o.rank}. (${decimal(o.bordaMean)})`);
			case 'scale':
				return [
					result.mean === null ? '–' : decimal(result.mean),
					...result.steps.map((s) => percent(s.share))
				];
			default:
				return [];
		}
	})();
	// A ballot changed since the votes were cast may have other columns: pad, never misalign.
	const width = columnsOf(ballot).length;
	return {
		state: 'shown',
		voters: result.voters,
		values: Array.from({ length: width }, (_, i) => values[i] ?? '–')
	};
}

/** What a measure is, in words: "Andel som valgte «Lokalt»", "Gjennomsnitt (1–5)". */
export function measureLabel(measure: Measure, ballot: Ballot): string {
	const option =
		'options' in ballot ? (ballot.options.find((o) => o.id === measure.optionId)?.label ?? '') : '';
	switch (measure.kind) {
		case 'share':
			return m.nation_measure_share({ option });
		case 'first-share':
			return m.nation_measure_first({ option });
		case 'points-share':
			return m.nation_measure_points({ option });
		case 'mean':
			return m.nation_measure_mean({ min: measure.min, max: measure.max });
	}
}

/** A measure's figure as text: a share as a percentage, a mean with one decimal. */
export function measureText(measure: Measure, value: number): string {
	return measure.kind === 'mean' ? decimal(value) : percent(value);
}
