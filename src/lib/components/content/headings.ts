/**
 * Moves the headings of HTML rendered by the server's `renderMarkdown` (at heading level 1, so
 * they start at h2) `by` levels down, never past h6. Safe as a plain replace: that renderer
 * escapes any raw HTML, so the only heading tags in it are its own.
 */
export function shiftHeadings(html: string, by: number): string {
	if (by <= 0) {
		return html;
	}
	return html.replace(
		/<(\/?)h([1-6])>/g,
		(_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + by)}>`
	);
}
