import { describe, it, expect } from 'vitest';
import { generateJoinCode, normaliseJoinCode, JOIN_CODE_ALPHABET } from './join-code';

describe('join codes', () => {
	it('generates 6 characters from the look-alike-free alphabet', () => {
		let i = 0;
		const code = generateJoinCode((n) => i++ % n);
		expect(code).toBe('ACDEFG');
		for (let k = 0; k < 200; k++) {
			const random = generateJoinCode((n) => Math.floor(Math.random() * n));
			expect(random).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
		}
	});

	it('has no look-alike characters', () => {
		for (const c of '0O1IL2Z5S8B') {
			expect(JOIN_CODE_ALPHABET).not.toContain(c);
		}
	});

	it('accepts lower case, spaces and dashes as typed on a phone', () => {
		expect(normaliseJoinCode(' ac3-d4e ')).toBe('AC3D4E');
		expect(normaliseJoinCode('ac3 d4e')).toBe('AC3D4E');
	});

	it('refuses codes of the wrong length or with look-alikes', () => {
		expect(normaliseJoinCode('AC3D4')).toBeNull();
		expect(normaliseJoinCode('AC3D4EE')).toBeNull();
		expect(normaliseJoinCode('AC3D40')).toBeNull();
		expect(normaliseJoinCode('')).toBeNull();
	});
});
