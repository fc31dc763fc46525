import { describe, expect, it } from 'vitest';
import { highlight } from './highlight';

describe('highlight', () => {
	it('marks every occurrence of the words, in any case', () => {
		expect(highlight('Heltid og mer HELTID', ['heltid'])).toEqual([
			{ text: 'Heltid', match: true },
			{ text: ' og mer ', match: false },
			{ text: 'HELTID', match: true }
		]);
	});

	it('takes regex characters literally and leaves text without words alone', () => {
		expect(highlight('a (b) c', ['(b)'])).toEqual([
			{ text: 'a ', match: false },
			{ text: '(b)', match: true },
			{ text: ' c', match: false }
		]);
		expect(highlight('tekst', [])).toEqual([{ text: 'tekst', match: false }]);
	});
});
