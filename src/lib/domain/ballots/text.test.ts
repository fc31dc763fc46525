import { describe, expect, it } from 'vitest';
import { combineText, normaliseText, tallyText, validateText } from './text';
import { text } from './test-ballots';
import type { VoteValue } from './types';

const answer = (t: string): VoteValue => ({ kind: 'text', text: t });
const message = (check: ReturnType<typeof validateText>) => (check.ok ? null : check.message);

describe('normaliseText', () => {
	it('trims and keeps inner spaces and Norwegian letters', () => {
		expect(normaliseText('  Bedre  kollektivtilbud på Østlandet \n')).toBe(
			'Bedre  kollektivtilbud på Østlandet'
		);
	});

	it('unifies line breaks, turns tabs into spaces and collapses blank lines', () => {
		expect(normaliseText('a\r\nb\rc\u2028d')).toBe('a\nb\nc\nd');
		expect(normaliseText('a\tb')).toBe('a b');
		expect(normaliseText('a  \n\n\n\n b')).toBe('a\n\n b');
	});

	it('strips control characters, DEL, C1 controls, BOM and bidi overrides', () => {
		expect(normaliseText('a\u0000b\u0007c\u001Bd\u007Fe\u009Bf\uFEFFg')).toBe('abcdefg');
		expect(normaliseText('\u202Eevil\u202C \u2066x\u2069')).toBe('evil x');
	});

	it('keeps emoji sequences with zero-width joiners', () => {
		const family = '👩\u200D👩\u200D👧';
		expect(normaliseText(family)).toBe(family);
	});

	it('composes to NFC and replaces lone surrogates', () => {
		expect(normaliseText('a\u030A')).toBe('å');
		expect(normaliseText('x\uD800y\uDC00')).toBe('x\uFFFDy\uFFFD');
	});
});

describe('validateText', () => {
	it('accepts and normalises an answer', () => {
		expect(validateText(text(), answer('  Mer samarbeid\u0000 '))).toEqual({
			ok: true,
			value: answer('Mer samarbeid')
		});
	});

	it.each(['', '   ', '\n\t\n', '\u0000\u202E', '\uFEFF'])('rejects empty answer %j', (t) => {
		expect(message(validateText(text(), answer(t)))).toBe('Skriv et svar før du sender.');
	});

	it('speaks to the whole table on a table ballot', () => {
		const check = validateText(text(20, 'table'), { kind: 'table', text: ' ' });
		expect(message(check)).toBe('Skriv bordets svar før dere sender.');
	});

	it('allows exactly maxLength after normalisation, and no more', () => {
		expect(validateText(text(5), answer('  abcde  ')).ok).toBe(true);
		expect(message(validateText(text(5), answer('abcdef')))).toBe(
			'Svaret kan være høyst 5 tegn. Nå er det 6.'
		);
	});

	it('counts length in UTF-16 units, like a textarea', () => {
		expect(validateText(text(2), answer('😀')).ok).toBe(true);
		expect(validateText(text(3), answer('😀😀')).ok).toBe(false);
	});

	it('keeps text and table apart', () => {
		expect(validateText(text(20, 'table'), answer('hei')).ok).toBe(false);
		expect(validateText(text(), { kind: 'table', text: 'hei' }).ok).toBe(false);
		expect(validateText(text(), { kind: 'scale', value: 1 }).ok).toBe(false);
	});
});

describe('tallyText', () => {
	it('counts valid answers only', () => {
		const tally = tallyText(text(5), [
			answer('ja'),
			answer(' '),
			answer('altfor langt'),
			answer('nei')
		]);
		expect(tally).toEqual({ kind: 'text', voters: 2, skipped: 2 });
		expect(tallyText(text(), [])).toEqual({ kind: 'text', voters: 0, skipped: 0 });
	});

	it('combines counts', () => {
		const ballot = text(20, 'table');
		const tally = tallyText(ballot, [{ kind: 'table', text: 'x' }]);
		const parts = [
			{ tally, weight: 1 },
			{ tally, weight: 1 }
		];
		expect(combineText(ballot, parts)).toEqual({ kind: 'table', voters: 2, skipped: 0 });
	});
});
