import { describe, expect, it } from 'vitest';
import { barLayout, CHART_SIZES, lineLayout, markerPath, polyline } from './chart-layout';
import type { ViewTable } from './view-pack';

const table = (rows: ViewTable['rows'], columns = ['a', 'b']): ViewTable => ({
	id: 't',
	title: 'Tabell',
	unit: 'Prosent',
	source: 'KS',
	rowHeader: 'År',
	columns: columns.map((id) => ({ id, label: id.toUpperCase() })),
	rows
});

describe('lineLayout', () => {
	const wage = table([
		{ label: '2016', values: [2.5, 2.6] },
		{ label: '2017', values: [2.4, null] },
		{ label: '2018', values: [2.9, 2.8] },
		{ label: 'Samlet', values: [13.7, 13.6], summary: true }
	]);

	it('draws a line per column over the rows, leaving summary rows out', () => {
		const layout = lineLayout(wage, CHART_SIZES.phone);
		expect(layout.series.map((s) => s.label)).toEqual(['A', 'B']);
		expect(layout.xLabels.map((l) => l.text)).toEqual(['2016', '2017', '2018']);
		// The scale follows the yearly values, not the five-year total.
		expect(layout.yTicks.at(-1)!.text).toBe('3');
		expect(layout.decimals).toBe(1);
	});

	it('breaks a line where a value is missing', () => {
		const [a, b] = lineLayout(wage, CHART_SIZES.phone).series;
		expect(a!.segments).toHaveLength(1);
		expect(a!.points).toHaveLength(3);
		expect(b!.segments).toHaveLength(0);
		expect(b!.points).toHaveLength(2);
	});

	it('puts higher values higher up and stays inside the drawing', () => {
		const layout = lineLayout(wage, CHART_SIZES.projector);
		const [p2016, p2017] = layout.series[0]!.points;
		expect(p2017!.y).toBeGreaterThan(p2016!.y);
		for (const point of layout.series.flatMap((s) => s.points)) {
			expect(point.x).toBeGreaterThan(layout.plot.left);
			expect(point.x).toBeLessThan(layout.plot.right);
			expect(point.y).toBeLessThanOrEqual(layout.plot.bottom);
		}
		expect(layout.height).toBeGreaterThan(layout.plot.bottom);
	});
});

describe('barLayout', () => {
	const counties = table(
		[
			{ label: 'Hele landet', values: [1.62], summary: true },
			{ label: 'Oslo', values: [0.73] },
			{ label: 'Agder', values: [2.4] }
		],
		['per-1000']
	);

	it('makes bar lengths proportional to the values, from one baseline', () => {
		const layout = barLayout(counties, CHART_SIZES.phone, false);
		const [landet, oslo, agder] = layout.rows.map((row) => row.bars[0]!);
		expect(oslo!.x).toBe(layout.zeroX);
		expect(agder!.width / oslo!.width).toBeCloseTo(2.4 / 0.73, 5);
		expect(landet!.value.text).toBe('1,62');
		expect(oslo!.value.text).toBe('0,73');
	});

	it('sets summary rows apart with a rule and keeps rows from overlapping', () => {
		const layout = barLayout(counties, CHART_SIZES.phone, false);
		expect(layout.rows.map((row) => row.summary)).toEqual([true, false, false]);
		expect(layout.rows[1]!.rule).toBeDefined();
		expect(layout.rows[2]!.rule).toBeUndefined();
		const tops = layout.rows.map((row) => row.bars[0]!.y);
		expect(tops).toEqual([...tops].sort((x, y) => x - y));
		expect(layout.height).toBeGreaterThan(tops.at(-1)!);
	});

	it('puts labels left of the bars on wide screens and above them on phones', () => {
		const wide = barLayout(counties, CHART_SIZES.projector, true);
		const narrow = barLayout(counties, CHART_SIZES.phone, false);
		expect(wide.zeroX).toBeGreaterThan(0);
		expect(narrow.zeroX).toBe(0);
		expect(narrow.rows[1]!.label.y).toBeLessThan(narrow.rows[1]!.bars[0]!.y);
	});
});

describe('SVG helpers', () => {
	it('write markers and polylines', () => {
		expect(markerPath('square', 10, 10, 2)).toBe('M8,8h4v4h-4Z');
		expect(
			polyline([
				{ x: 1.234, y: 5 },
				{ x: 2, y: 6.789 }
			])
		).toBe('1.2,5 2,6.8');
	});
});
