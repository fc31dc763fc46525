import { Marked, type RendererObject } from 'marked';

/**
 * Markdown → HTML for content pack text. Raw HTML in the Markdown is shown as text, never
 * rendered (a pack is uploaded by staff, but it is still data, not code). Links keep only
 * safe targets; images become their alt text (the CSP allows no remote images anyway).
 * Headings are shifted below `headingLevel`, the level of the heading the text sits under,
 * so a page keeps one h1 and an unbroken outline.
 */
export function renderMarkdown(source: string, headingLevel = 1): string {
	return parser(headingLevel).parse(source, { async: false });
}

const parsers = new Map<number, Marked>();

function parser(headingLevel: number): Marked {
	let marked = parsers.get(headingLevel);
	if (!marked) {
		marked = new Marked({ gfm: true, renderer: renderer(headingLevel) });
		parsers.set(headingLevel, marked);
	}
	return marked;
}

function renderer(headingLevel: number): RendererObject {
	return {
		html(token) {
			const text = escapeHtml(token.text);
			return token.block ? `<p>${text.trim()}</p>\n` : text;
		},
		heading({ tokens, depth }) {
			const level = shiftHeading(depth, headingLevel);
			return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
		},
		link({ href, title, tokens }) {
			const text = this.parser.parseInline(tokens);
			const url = safeHref(href);
			if (url === null) {
				return text;
			}
			const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
			const rel = isExternal(url) ? ' rel="noopener"' : '';
			return `<a href="${escapeHtml(url)}"${titleAttr}${rel}>${text}</a>`;
		},
		image({ text }) {
			return escapeHtml(text);
		}
	};
}

/**
 * The level a Markdown heading of `depth` gets under a heading of `headingLevel`: `#` and `##`
 * become the next level down, deeper ones follow, never past h6.
 */
export function shiftHeading(depth: number, headingLevel: number): number {
	return Math.min(6, Math.max(headingLevel + 1, depth + headingLevel - 1));
}

const SAFE_SCHEME = /^(?:https?:|mailto:)/i;
const ANY_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** `href` if it is http(s), mailto or a relative link; `null` for javascript:, data: and the like. */
export function safeHref(href: string): string | null {
	// Browsers ignore tabs, newlines and leading control characters in a URL's scheme.
	// eslint-disable-next-line no-control-regex -- control characters are what it removes
	const trimmed = href.replace(/[\u0000-\u0020]/g, '');
	if (ANY_SCHEME.test(trimmed) && !SAFE_SCHEME.test(trimmed)) {
		return null;
	}
	return href.trim();
}

function isExternal(href: string) {
	return /^(?:https?:)?\/\//i.test(href);
}

export function escapeHtml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}
