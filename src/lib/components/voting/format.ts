import { getLocale } from '$lib/paraglide/runtime';

/** nn has no number formatting of its own in every browser; it formats as nb does. */
function numberLocale(): string {
	return getLocale() === 'en' ? 'en-GB' : 'nb-NO';
}

/** A share (0–1) as a whole percentage, e.g. "42 %". */
export function formatPercent(share: number): string {
	return new Intl.NumberFormat(numberLocale(), {
		style: 'percent',
		maximumFractionDigits: 0
	}).format(share);
}

/** A count or figure, with at most `digits` decimals ("3,5" in Norwegian). */
export function formatNumber(n: number, digits = 0): string {
	return new Intl.NumberFormat(numberLocale(), { maximumFractionDigits: digits }).format(n);
}

/** `part / whole` as a CSS width in per cent, 0 when there is no whole. */
export function barWidth(part: number, whole: number): string {
	const share = whole > 0 ? Math.max(0, Math.min(1, part / whole)) : 0;
	return `${(share * 100).toFixed(1)}%`;
}

/** A long text cut to `max` characters with an ellipsis, for accessible names. */
export function shorten(text: string, max = 80): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
