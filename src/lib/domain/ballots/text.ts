import { MESSAGES, reject } from './check';
import type { VoteCheck } from './check';
import { assertWeights, totalSkipped, weightedVoters } from './combine';
import type { Weighted } from './combine';
import type { BallotOf, VoteOf } from './kinds';
import type { VoteValue } from './types';

type TextKind = 'text' | 'table';

/** Only how many answered; the answers themselves are handled elsewhere. */
export interface TextTally {
	kind: TextKind;
	voters: number;
	skipped: number;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAK = /\r\n?|[\u2028\u2029\u0085]/g;

/** C0/C1 controls except line feed, DEL, bidi embeddings/overrides/isolates, and BOM. */
function isStripped(codePoint: number): boolean {
	return (
		(codePoint < 0x20 && codePoint !== 0x0a) ||
		(codePoint >= 0x7f && codePoint <= 0x9f) ||
		(codePoint >= 0x202a && codePoint <= 0x202e) ||
		(codePoint >= 0x2066 && codePoint <= 0x2069) ||
		codePoint === 0xfeff
	);
}

/**
 * Cleans free text for storage and display: NFC, line breaks as \n, tabs as spaces, control and
 * bidi-override characters removed, at most one blank line in a row, trimmed.
 */
export function normaliseText(text: string): string {
	const unified = text
		.replace(LONE_SURROGATE, '\uFFFD')
		.normalize('NFC')
		.replace(LINE_BREAK, '\n')
		.replace(/\t/g, ' ');
	const kept = Array.from(unified)
		.filter((char) => !isStripped(char.codePointAt(0)!))
		.join('');
	return kept
		.replace(/[ \u00A0]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** The text, normalised, must be non-empty and at most `maxLength` UTF-16 units (as <textarea>). */
export function validateText(
	ballot: BallotOf<TextKind>,
	value: VoteValue
): VoteCheck<VoteOf<TextKind>> {
	if (value.kind !== ballot.kind || (value.kind !== 'text' && value.kind !== 'table')) {
		return reject(MESSAGES.wrongKind);
	}
	const text = normaliseText(value.text);
	if (text === '') {
		return reject(
			ballot.kind === 'table'
				? 'Skriv bordets svar før dere sender.'
				: 'Skriv et svar før du sender.'
		);
	}
	if (text.length > ballot.maxLength) {
		return reject(`Svaret kan være høyst ${ballot.maxLength} tegn. Nå er det ${text.length}.`);
	}
	return { ok: true, value: { kind: value.kind, text } };
}

/** Counts valid answers; invalid ones are skipped. */
export function tallyText(ballot: BallotOf<TextKind>, values: readonly VoteValue[]): TextTally {
	const voters = values.filter((value) => validateText(ballot, value).ok).length;
	return { kind: ballot.kind, voters, skipped: values.length - voters };
}

/** Adds up tallies of the same ballot, each answer counting `weight` times. */
export function combineText(
	ballot: BallotOf<TextKind>,
	parts: readonly Weighted<TextTally>[]
): TextTally {
	assertWeights(parts);
	return { kind: ballot.kind, voters: weightedVoters(parts), skipped: totalSkipped(parts) };
}
