/** The tile grid's colour scale: light to dark blue, with text in whichever ink reads best. */

const LIGHT = [0xe6, 0xf0, 0xf7];
const DARK = [0x0b, 0x3d, 0x5c];

/** A colour `fraction` (0–1) of the way from light to dark, as "#rrggbb". */
export function scaleColour(fraction: number): string {
	const t = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
	return `#${LIGHT.map((from, i) => {
		const channel = Math.round(from + (DARK[i]! - from) * t);
		return channel.toString(16).padStart(2, '0');
	}).join('')}`;
}

function luminance(hex: string): number {
	const [r = 0, g = 0, b = 0] = [1, 3, 5]
		.map((start) => parseInt(hex.slice(start, start + 2), 16) / 255)
		.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two "#rrggbb" colours. */
export function contrast(a: string, b: string): number {
	const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (high! + 0.05) / (low! + 0.05);
}

/** Black or white, whichever contrasts more with `background` (always at least 4.5:1). */
export function inkFor(background: string): '#000000' | '#ffffff' {
	return contrast(background, '#000000') >= contrast(background, '#ffffff') ? '#000000' : '#ffffff';
}
