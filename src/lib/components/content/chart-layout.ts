import { decimalsOf, formatFigure, niceScale, project, textWidth } from './chart-scale';
import type { ViewTable } from './view-pack';

/**
 * Geometry of the content charts, computed here so the Svelte components only draw. Sizes are
 * SVG user units; the SVG is drawn at its own width and shrinks to fit a narrower screen.
 */

export interface ChartSize {
	width: number;
	fontSize: number;
	/** Height of a line chart's plot area: wide and low on the projector, to leave room. */
	plotHeight: number;
}

export const CHART_SIZES: Record<'phone' | 'projector', ChartSize> = {
	phone: { width: 360, fontSize: 17, plotHeight: 180 },
	projector: { width: 1100, fontSize: 30, plotHeight: 300 }
};

/** Series colours, each at least 4.5:1 on white; dashes and markers tell them apart without colour. */
export const SERIES_STYLES = [
	{ colour: '#0b3d5c', dash: '', marker: 'circle' },
	{ colour: '#b45309', dash: '10 5', marker: 'square' },
	{ colour: '#7e22ce', dash: '3 4', marker: 'triangle' },
	{ colour: '#15803d', dash: '14 4 3 4', marker: 'diamond' },
	{ colour: '#a4161a', dash: '6 3', marker: 'circle' },
	{ colour: '#374151', dash: '2 2', marker: 'square' }
] as const;
export type SeriesStyle = (typeof SERIES_STYLES)[number];

export function seriesStyle(index: number): SeriesStyle {
	return SERIES_STYLES[index % SERIES_STYLES.length]!;
}

export interface Label {
	x: number;
	y: number;
	text: string;
}

export interface LinePoint {
	x: number;
	y: number;
	value: number;
	row: string;
}

export interface LineLayout {
	width: number;
	/** Decimal places to print the values with. */
	decimals: number;
	height: number;
	fontSize: number;
	plot: { left: number; right: number; top: number; bottom: number };
	yTicks: Label[];
	xLabels: Label[];
	series: { label: string; style: SeriesStyle; segments: LinePoint[][]; points: LinePoint[] }[];
}

/** A line per column over the table's rows; summary rows stay out of the lines. */
export function lineLayout(table: ViewTable, size: ChartSize): LineLayout {
	const { width, fontSize: fs } = size;
	const rows = table.rows.filter((row) => !row.summary);
	const scale = niceScale(rows.flatMap((row) => row.values.filter(isNumber)));
	const tickLabels = scale.ticks.map((tick) => formatFigure(tick));
	const left = Math.max(...tickLabels.map((t) => textWidth(t, fs))) + fs * 0.6;
	const plot = { left, right: width - fs, top: fs, bottom: fs + size.plotHeight };
	const height = plot.bottom + fs * 2;
	const band = (plot.right - plot.left) / Math.max(1, rows.length);
	const xAt = (i: number) => plot.left + band * (i + 0.5);
	const yAt = (v: number) => project(v, scale, plot.bottom, plot.top);
	const widest = Math.max(...rows.map((row) => textWidth(row.label, fs)));
	const every = Math.max(1, Math.ceil((widest + fs) / band));
	return {
		width,
		decimals: decimalsOf(rows.flatMap((row) => row.values)),
		height,
		fontSize: fs,
		plot,
		yTicks: scale.ticks.map((tick, i) => ({
			x: left - fs * 0.4,
			y: yAt(tick),
			text: tickLabels[i]!
		})),
		xLabels: rows
			.map((row, i) => ({ x: xAt(i), y: plot.bottom + fs * 1.4, text: row.label }))
			.filter((_, i) => i % every === 0),
		series: table.columns.map((column, c) => {
			const points = rows.map((row, i) => {
				const value = row.values[c] ?? null;
				return value === null ? null : { x: xAt(i), y: yAt(value), value, row: row.label };
			});
			return {
				label: column.label,
				style: seriesStyle(c),
				segments: splitAtGaps(points),
				points: points.filter((p) => p !== null)
			};
		})
	};
}

function splitAtGaps(points: (LinePoint | null)[]): LinePoint[][] {
	const segments: LinePoint[][] = [[]];
	for (const point of points) {
		if (point === null) {
			segments.push([]);
		} else {
			segments[segments.length - 1]!.push(point);
		}
	}
	return segments.filter((segment) => segment.length > 1);
}

export interface Bar {
	x: number;
	y: number;
	width: number;
	height: number;
	colour: string;
	value: Label;
	/** For a tooltip: "Gruppe 1: 2,6". */
	title: string;
}

export interface BarRow {
	label: Label;
	/** The baseline beside this row's bars: from `axis[0]` to `axis[1]` on the y axis. */
	axis: [number, number];
	summary: boolean;
	bars: Bar[];
	/** A rule drawn above a summary row, setting it apart from the others. */
	rule?: number;
}

export interface BarLayout {
	width: number;
	height: number;
	fontSize: number;
	zeroX: number;
	rows: BarRow[];
}

/**
 * Horizontal bars, one group per row and one bar per column. With `inlineLabels` (wide
 * screens) the row label sits left of its bars; otherwise above them, so a phone keeps the
 * whole width for the bars.
 */
export function barLayout(table: ViewTable, size: ChartSize, inlineLabels: boolean): BarLayout {
	const { width, fontSize: fs } = size;
	const scale = niceScale(table.rows.flatMap((row) => row.values.filter(isNumber)));
	const decimals = decimalsOf(table.rows.flatMap((row) => row.values));
	const valueWidth =
		Math.max(
			...table.rows.flatMap((row) =>
				row.values.map((v) => textWidth(formatFigure(v, decimals), fs))
			)
		) +
		fs * 0.5;
	const labelWidth = inlineLabels
		? Math.min(width * 0.4, Math.max(...table.rows.map((r) => textWidth(r.label, fs))) + fs)
		: 0;
	const barHeight = fs * 1.1;
	const gap = fs * 0.25;
	const labelHeight = inlineLabels ? 0 : fs * 1.4;
	const rowGap = fs * 0.9;
	const x0 = labelWidth;
	const x1 = width - valueWidth;
	const xAt = (v: number) => project(v, scale, x0, x1);
	const zeroX = xAt(0);
	let y = fs * 0.5;
	const rows: BarRow[] = table.rows.map((row, r) => {
		const previous = table.rows[r - 1];
		const rule = r > 0 && row.summary !== previous?.summary ? y - rowGap / 2 : undefined;
		const top = y + labelHeight;
		const blockHeight = table.columns.length * (barHeight + gap) - gap;
		const label = inlineLabels
			? { x: 0, y: top + blockHeight / 2 + fs * 0.35, text: row.label }
			: { x: 0, y: y + fs, text: row.label };
		const bars = table.columns.map((column, c) => {
			const value = row.values[c] ?? null;
			const barY = top + c * (barHeight + gap);
			const end = value === null ? zeroX : xAt(value);
			const text = formatFigure(value, decimals);
			return {
				x: Math.min(zeroX, end),
				y: barY,
				width: Math.abs(end - zeroX),
				height: barHeight,
				colour: seriesStyle(c).colour,
				value: { x: Math.max(zeroX, end) + fs * 0.3, y: barY + barHeight * 0.78, text },
				title: `${column.label}: ${text}`
			};
		});
		y = top + blockHeight + rowGap;
		return {
			label,
			axis: [top - gap, top + blockHeight + gap],
			summary: row.summary === true,
			bars,
			rule
		};
	});
	return { width, height: y - rowGap + fs * 0.5, fontSize: fs, zeroX, rows };
}

function isNumber(value: number | null): value is number {
	return value !== null;
}

/** An SVG path for a series marker centred on (x, y) with radius r. */
export function markerPath(kind: SeriesStyle['marker'], x: number, y: number, r: number): string {
	switch (kind) {
		case 'circle':
			return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
		case 'square':
			return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
		case 'triangle':
			return `M${x},${y - r * 1.2}L${x + r * 1.1},${y + r * 0.8}H${x - r * 1.1}Z`;
		case 'diamond':
			return `M${x},${y - r * 1.3}L${x + r * 1.1},${y}L${x},${y + r * 1.3}L${x - r * 1.1},${y}Z`;
	}
}

/** The points of a polyline, as SVG wants them. */
export function polyline(points: readonly { x: number; y: number }[]): string {
	return points.map((p) => `${round1(p.x)},${round1(p.y)}`).join(' ');
}

function round1(value: number) {
	return Math.round(value * 10) / 10;
}
