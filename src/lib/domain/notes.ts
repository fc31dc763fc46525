import { fail, type DomainError } from './result';

/**
 * The table's notes ("innspill"): short points, optionally tied to a card. Each point is added,
 * edited or removed on its own (one row each), so text typed on several phones is never lost
 * to a whole-document overwrite.
 */

export const MAX_NOTE_LENGTH = 280;
export const MAX_NOTES_PER_TABLE = 200;

export type Note = { id: string; cardId: string | null; text: string };

export type NoteErrorCode = 'empty' | 'too_long' | 'too_many_notes';
export type NoteTextResult = { ok: true; text: string } | DomainError<'empty' | 'too_long'>;

/** Line breaks and tabs, turned into spaces so words do not run together. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/gu;
/** Other control characters, bidi overrides/isolates and invisible zero-width characters. */
const INVISIBLE = /[\p{Cc}\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;

/**
 * The text as it will be stored: NFC-normalised, control and bidi characters removed, all
 * whitespace runs collapsed to one space, trimmed. Joiners used by emoji (U+200C/U+200D) are kept.
 */
export function cleanNoteText(raw: string): string {
	return raw
		.replace(BREAKS, ' ')
		.replace(INVISIBLE, '')
		.replace(/\s+/gu, ' ')
		.trim()
		.normalize('NFC');
}

/** Length as a person counts it (code points, so an emoji or "å" counts once). */
export function noteLength(text: string): number {
	return [...cleanNoteText(text)].length;
}

/** Cleans `raw` and checks it is 1..{@link MAX_NOTE_LENGTH} characters long. */
export function validateNoteText(raw: string): NoteTextResult {
	const text = cleanNoteText(raw);
	const length = [...text].length;
	if (length === 0) {
		return fail('empty', 'Skriv noe før du lagrer punktet.');
	}
	if (length > MAX_NOTE_LENGTH) {
		return fail('too_long', `Punktet kan ha høyst ${MAX_NOTE_LENGTH} tegn (nå ${length}).`);
	}
	return { ok: true, text };
}

/** Whether a table that already has `count` notes may add one more. */
export function canAddNote(count: number): boolean {
	return count < MAX_NOTES_PER_TABLE;
}

/** The error to return when {@link canAddNote} is false. */
export const NOTES_FULL: DomainError<'too_many_notes'> = fail(
	'too_many_notes',
	`Bordet har nådd grensen på ${MAX_NOTES_PER_TABLE} punkter.`
);
