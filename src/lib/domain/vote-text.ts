import { VoteValue } from './ballots/schema';
import type { Ballot } from './ballots/types';

/** A stored vote in words, for exports: readable, as codes, and as a number where it is one. */
export interface VoteText {
	/** With the ballot's own labels, e.g. "1. Mer heltid | 2. Digitale løsninger". */
	answer: string;
	/** Option ids, e.g. "mer-heltid>digitale-losninger"; empty for free text. */
	code: string;
	/** A scale's value; null for every other kind. */
	number: number | null;
}

/** Describes `value` as a vote on `ballot`; a value that is not a vote is shown as JSON. */
export function describeVote(ballot: Ballot, value: unknown): VoteText {
	const parsed = VoteValue.safeParse(value);
	if (!parsed.success) {
		return { answer: JSON.stringify(value), code: '', number: null };
	}
	const vote = parsed.data;
	const label = (id: string) =>
		'options' in ballot ? (ballot.options.find((o) => o.id === id)?.label ?? id) : id;
	switch (vote.kind) {
		case 'single':
			return { answer: label(vote.optionId), code: vote.optionId, number: null };
		case 'multiple':
			return {
				answer: vote.optionIds.map(label).join(' | '),
				code: vote.optionIds.join('|'),
				number: null
			};
		case 'ranking':
			return {
				answer: vote.ranking.map((id, i) => `${i + 1}. ${label(id)}`).join(' | '),
				code: vote.ranking.join('>'),
				number: null
			};
		case 'points': {
			const given = Object.entries(vote.points).filter(([, points]) => points > 0);
			return {
				answer: given.map(([id, points]) => `${label(id)}: ${points}`).join(' | '),
				code: given.map(([id, points]) => `${id}=${points}`).join('|'),
				number: null
			};
		}
		case 'scale':
			return {
				answer: scaleAnswer(ballot, vote.value),
				code: String(vote.value),
				number: vote.value
			};
		case 'text':
		case 'table':
			return { answer: vote.text, code: '', number: null };
	}
}

function scaleAnswer(ballot: Ballot, value: number): string {
	if (ballot.kind !== 'scale') {
		return String(value);
	}
	const label =
		ballot.labels?.[String(value)] ??
		(value === ballot.min
			? ballot.poles?.low
			: value === ballot.max
				? ballot.poles?.high
				: undefined);
	return label ? `${value} (${label})` : String(value);
}
