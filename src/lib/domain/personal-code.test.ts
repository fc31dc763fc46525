import { describe, expect, it } from 'vitest';
import {
	generatePersonalCode,
	generatePersonalCodes,
	PERSONAL_CODE_PATTERN
} from './personal-code';

const random = (n: number) => Math.floor(Math.random() * n);

describe('personal codes', () => {
	it('are 8 characters from the look-alike-free alphabet', () => {
		let i = 0;
		expect(generatePersonalCode((n) => i++ % n)).toBe('ACDEFGHJ');
		for (let k = 0; k < 200; k++) {
			expect(generatePersonalCode(random)).toMatch(PERSONAL_CODE_PATTERN);
		}
	});

	it('come out distinct and never repeat a code already taken', () => {
		let i = 0;
		// A generator that repeats itself: distinctness must come from the loop, not from luck.
		const repeating = (n: number) => (Math.floor(i++ / 8) % 3) % n;
		const taken = new Set(['AAAAAAAA']);
		const codes = generatePersonalCodes(2, repeating, taken);
		expect(codes).toEqual(['CCCCCCCC', 'DDDDDDDD']);
	});

	it('makes many distinct codes', () => {
		const codes = generatePersonalCodes(500, random);
		expect(new Set(codes).size).toBe(500);
	});
});
