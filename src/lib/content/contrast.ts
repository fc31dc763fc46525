/** WCAG 2 contrast ratio between a "#rrggbb" colour and white (1 to 21). */
export function contrastWithWhite(hex: string): number {
	const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
	const [r = 0, g = 0, b = 0] = channels.map((c) =>
		c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
	);
	const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	return 1.05 / (luminance + 0.05);
}

/** WCAG AA for normal-size text. */
export const MIN_CONTRAST = 4.5;
