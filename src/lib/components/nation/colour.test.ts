import { describe, expect, it } from 'vitest';
import { contrast, inkFor, scaleColour } from './colour';

describe('tile colours', () => {
	it('runs from light to dark', () => {
		expect(scaleColour(0)).toBe('#e6f0f7');
		expect(scaleColour(1)).toBe('#0b3d5c');
		expect(scaleColour(2)).toBe('#0b3d5c');
		expect(scaleColour(Number.NaN)).toBe('#e6f0f7');
	});

	it('always picks an ink that reads at WCAG AA', () => {
		for (let i = 0; i <= 100; i++) {
			const background = scaleColour(i / 100);
			expect(contrast(background, inkFor(background))).toBeGreaterThanOrEqual(4.5);
		}
		expect(inkFor('#0b3d5c')).toBe('#ffffff');
		expect(inkFor('#e6f0f7')).toBe('#000000');
	});
});
