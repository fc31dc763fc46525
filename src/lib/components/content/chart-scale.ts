/** Axis and number helpers for the hand-drawn content charts. Pure. */

export interface Scale {
	min: number;
	max: number;
	ticks: number[];
}

/**
 * A "nice" axis covering `values`: steps of 1, 2, 2.5 or 5 × 10ⁿ, about `count` ticks, and
 * always 0 when every value is on one side of it (bars and lines start from the baseline).
 */
export function niceScale(values: readonly number[], count = 5): Scale {
	const finite = values.filter((v) => Number.isFinite(v));
	let lo = Math.min(0, ...finite);
	let hi = Math.max(0, ...finite);
	if (lo === hi) {
		hi = lo + 1;
	}
	const step = niceStep((hi - lo) / Math.max(1, count - 1));
	lo = Math.floor(lo / step) * step;
	hi = Math.ceil(hi / step) * step;
	const ticks: number[] = [];
	for (let v = lo; v <= hi + step / 2; v += step) {
		ticks.push(round(v));
	}
	return { min: round(lo), max: round(hi), ticks };
}

function niceStep(raw: number): number {
	const power = 10 ** Math.floor(Math.log10(raw));
	const fraction = raw / power;
	const nice =
		fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
	return nice * power;
}

/** Floating-point noise off: 0.30000000000000004 → 0.3. */
function round(value: number) {
	return Number(value.toPrecision(12));
}

/** Maps `value` in [scale.min, scale.max] linearly onto [from, to]. */
export function project(value: number, scale: Scale, from: number, to: number): number {
	return from + ((value - scale.min) / (scale.max - scale.min)) * (to - from);
}

/**
 * A figure as the Norwegian content prints it: decimal comma, space between thousands, and
 * `decimals` places (so a column prints 67,0 beside 66,7). A dash for a missing value.
 */
export function formatFigure(value: number | null, decimals?: number): string {
	if (value === null) {
		return '–';
	}
	return value.toLocaleString('nb-NO', {
		minimumFractionDigits: decimals ?? 0,
		maximumFractionDigits: decimals ?? 2
	});
}

/** The most decimal places any of `values` has (at most 3): how many to print them all with. */
export function decimalsOf(values: readonly (number | null)[]): number {
	let most = 0;
	for (const value of values) {
		if (value !== null && Number.isFinite(value)) {
			const text = String(value);
			const dot = text.indexOf('.');
			most = Math.max(most, dot === -1 ? 0 : Math.min(3, text.length - dot - 1));
		}
	}
	return most;
}

/** A rough width of `text` in a sans-serif font of `fontSize`, for laying out SVG labels. */
export function textWidth(text: string, fontSize: number): number {
	return text.length * fontSize * 0.56;
}
