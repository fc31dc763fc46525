import { describe, expect, it } from 'vitest';
import { decimalsOf, formatFigure, niceScale, project } from './chart-scale';

describe('niceScale', () => {
	it('starts at 0 and ends on a round step above the largest value', () => {
		expect(niceScale([2.5, 3.7, 1.5])).toEqual({ min: 0, max: 4, ticks: [0, 1, 2, 3, 4] });
		expect(niceScale([0.73, 2.4])).toEqual({ min: 0, max: 3, ticks: [0, 1, 2, 3] });
		expect(niceScale([42.2, 76.8]).ticks).toEqual([0, 20, 40, 60, 80]);
	});

	it('covers negative values and survives empty or flat input', () => {
		expect(niceScale([-3, 7])).toEqual({ min: -5, max: 7.5, ticks: [-5, -2.5, 0, 2.5, 5, 7.5] });
		expect(niceScale([])).toMatchObject({ min: 0, max: 1 });
		expect(niceScale([0, 0])).toMatchObject({ min: 0, max: 1 });
	});
});

describe('project', () => {
	it('maps the scale onto pixels, also upside down for a y axis', () => {
		const scale = { min: 0, max: 4, ticks: [] };
		expect(project(2, scale, 0, 100)).toBe(50);
		expect(project(1, scale, 200, 0)).toBe(150);
	});
});

describe('formatFigure', () => {
	it('writes numbers the Norwegian way and a dash for a missing value', () => {
		expect(formatFigure(2.5)).toBe('2,5');
		expect(formatFigure(409400)).toBe('409\u00a0400');
		expect(formatFigure(null)).toBe('–');
	});
});

describe('decimalsOf', () => {
	it('finds the most decimals among the values, ignoring missing ones', () => {
		expect(decimalsOf([67, 66.7, null])).toBe(1);
		expect(decimalsOf([1.62, 2.4])).toBe(2);
		expect(decimalsOf([4, 2])).toBe(0);
		expect(formatFigure(67, decimalsOf([67, 66.7]))).toBe('67,0');
	});
});
