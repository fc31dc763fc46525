import { describe, expect, it } from 'vitest';
import {
	canAddNote,
	cleanNoteText,
	MAX_NOTE_LENGTH,
	MAX_NOTES_PER_TABLE,
	noteLength,
	NOTES_FULL,
	validateNoteText
} from './notes';

describe('cleanNoteText', () => {
	it('trims and collapses whitespace, turning line breaks and tabs into spaces', () => {
		expect(cleanNoteText('  Mer  samarbeid\n\nmellom\tkommunene \r\n')).toBe(
			'Mer samarbeid mellom kommunene'
		);
		expect(cleanNoteText('a\u00a0\u00a0b\u2028c')).toBe('a b c');
	});

	it('removes control characters, bidi overrides and zero-width characters', () => {
		expect(cleanNoteText('a\u0000b\u0007c\u001bd\u007fe\u0085f')).toBe('abc' + 'de f');
		expect(cleanNoteText('\u202eevil\u202c \u2066x\u2069')).toBe('evil x');
		expect(cleanNoteText('\ufeffzero\u200bwidth\u2060')).toBe('zerowidth');
		expect(cleanNoteText('\u200e\u200fltr')).toBe('ltr');
	});

	it('keeps Norwegian letters, punctuation and emoji joiners', () => {
		expect(cleanNoteText('Økt tillit – blåbær & «sitat»?')).toBe('Økt tillit – blåbær & «sitat»?');
		const family = '👩\u200d👩\u200d👧';
		expect(cleanNoteText(family)).toBe(family);
	});

	it('normalises to NFC so decomposed letters are stored composed', () => {
		expect(cleanNoteText('a\u030a')).toBe('å');
		expect(cleanNoteText('a\u200b\u030a')).toBe('å');
	});
});

describe('validateNoteText', () => {
	it('accepts and returns the cleaned text', () => {
		expect(validateNoteText('  Bedre kollektivtilbud  ')).toEqual({
			ok: true,
			text: 'Bedre kollektivtilbud'
		});
		expect(validateNoteText('x')).toEqual({ ok: true, text: 'x' });
	});

	it('rejects empty and whitespace- or control-only text', () => {
		for (const raw of ['', '   ', '\n\t', '\u0000\u200b', '\u202e']) {
			expect(validateNoteText(raw)).toMatchObject({ ok: false, code: 'empty' });
		}
	});

	it(`accepts exactly ${MAX_NOTE_LENGTH} characters and rejects one more`, () => {
		expect(validateNoteText('a'.repeat(MAX_NOTE_LENGTH)).ok).toBe(true);
		const tooLong = validateNoteText('a'.repeat(MAX_NOTE_LENGTH + 1));
		expect(tooLong).toMatchObject({ ok: false, code: 'too_long' });
		if (!tooLong.ok) {
			expect(tooLong.message).toBe('Punktet kan ha høyst 280 tegn (nå 281).');
		}
	});

	it('counts after cleaning, so padding does not count against the limit', () => {
		expect(validateNoteText(`   ${'a'.repeat(MAX_NOTE_LENGTH)}\n\n`).ok).toBe(true);
		expect(validateNoteText('a  b'.repeat(70)).ok).toBe(true); // 70 * 3 = 210 after collapse
	});

	it('counts emoji and decomposed letters as one character each', () => {
		expect(validateNoteText('😀'.repeat(MAX_NOTE_LENGTH)).ok).toBe(true); // 560 UTF-16 units
		expect(validateNoteText('a\u030a'.repeat(MAX_NOTE_LENGTH)).ok).toBe(true);
		expect(validateNoteText('😀'.repeat(MAX_NOTE_LENGTH + 1)).ok).toBe(false);
	});

	it('gives Norwegian messages', () => {
		const empty = validateNoteText(' ');
		if (empty.ok) {
			throw new Error('expected error');
		}
		expect(empty.message).toBe('Skriv noe før du lagrer punktet.');
	});
});

describe('noteLength', () => {
	it('counts what would be stored', () => {
		expect(noteLength('  hei  du ')).toBe(6);
		expect(noteLength('😀å')).toBe(2);
		expect(noteLength('')).toBe(0);
	});
});

describe('canAddNote', () => {
	it(`allows up to ${MAX_NOTES_PER_TABLE} notes per table`, () => {
		expect(canAddNote(0)).toBe(true);
		expect(canAddNote(MAX_NOTES_PER_TABLE - 1)).toBe(true);
		expect(canAddNote(MAX_NOTES_PER_TABLE)).toBe(false);
		expect(canAddNote(MAX_NOTES_PER_TABLE + 5)).toBe(false);
	});

	it('has a ready-made error for a full table', () => {
		expect(NOTES_FULL).toEqual({
			ok: false,
			code: 'too_many_notes',
			message: 'Bordet har nådd grensen på 200 punkter.'
		});
	});
});
