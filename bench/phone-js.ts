import { gzipSync } from 'node:zlib';
import type { Conference } from './staff';

/**
 * The phone pages, by what the phone does there. The phone home holds the table's card and
 * the open ballots; point these at their own routes if that changes.
 */
const PHONE_PAGES = {
	join: (c: Conference) => `/j/${c.joinCode}`,
	table: (c: Conference) => `/c/${c.id}`,
	vote: (c: Conference) => `/c/${c.id}`
};

export type PhonePage = keyof typeof PHONE_PAGES;

export interface PhoneJs {
	kb: Record<PhonePage, number>;
	files: Record<PhonePage, string[]>;
}

/**
 * Script URLs the page loads at once: module preloads (in the `link` header, as SvelteKit sends
 * them, or in the HTML), script tags, and the inline bootstrap's imports.
 */
function scriptsOf(html: string, linkHeader: string, base: string): string[] {
	const found = [
		...linkHeader.matchAll(/<([^>]+\.js)>;\s*rel="modulepreload"/g),
		...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
		...html.matchAll(/<script[^>]+src="([^"]+)"/g),
		...html.matchAll(/import\(\s*"([^"]+\.js)"\s*\)/g)
	].map((m) => new URL(m[1]!, base).toString());
	return [...new Set(found)];
}

/** The route's own modules: `node_ids` of the bootstrap, found among app.js's lazy imports. */
function routeNodesOf(html: string, appCode: string, appUrl: string): string[] {
	const ids =
		/node_ids:\s*\[([\d,\s]*)\]/
			.exec(html)?.[1]
			?.split(',')
			.map((s) => s.trim()) ?? [];
	const nodes = new Map(
		[...appCode.matchAll(/import\([`"](\.\.\/nodes\/(\d+)\.[^`"]+\.js)[`"]\)/g)].map((m) => [
			m[2]!,
			m[1]!
		])
	);
	return ids.flatMap((id) => (nodes.has(id) ? [new URL(nodes.get(id)!, appUrl).toString()] : []));
}

/** Static imports of a built module (`import … from "./x.js"`, `import "./y.js"`); not import(). */
function staticImportsOf(code: string, base: string): string[] {
	return [...code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) =>
		new URL(m[1]!, base).toString()
	);
}

/**
 * Gzipped size (level 9, as adapter-node precompresses) of all JavaScript a phone loads on the
 * first visit of each phone page: the page's preloads and scripts and everything they import
 * statically. Lazily imported chunks are not counted: they load only when used.
 */
export async function measurePhoneJs(
	url: string,
	conference: Conference,
	participantCookie: string
): Promise<PhoneJs> {
	const kb = {} as Record<PhonePage, number>;
	const files = {} as Record<PhonePage, string[]>;
	const sizes = new Map<string, { gz: number; imports: string[]; code: string }>();
	const load = async (file: string) => {
		if (!sizes.has(file)) {
			const response = await fetch(file);
			if (!response.ok) {
				throw new Error(`${file} answered ${response.status}`);
			}
			const code = Buffer.from(await response.arrayBuffer());
			const text = code.toString('utf8');
			sizes.set(file, {
				gz: gzipSync(code, { level: 9 }).length,
				imports: staticImportsOf(text, file),
				code: text
			});
		}
		return sizes.get(file)!;
	};
	for (const [page, path] of Object.entries(PHONE_PAGES) as [
		PhonePage,
		typeof PHONE_PAGES.join
	][]) {
		const pageUrl = url + path(conference);
		const cookie = page === 'join' ? '' : participantCookie;
		const response = await fetch(pageUrl, {
			headers: cookie ? { cookie } : {},
			redirect: 'manual'
		});
		if (!response.ok) {
			throw new Error(`${pageUrl} answered ${response.status}`);
		}
		const html = await response.text();
		const queue = scriptsOf(html, response.headers.get('link') ?? '', pageUrl);
		const app = queue.find((f) => /\/entry\/app\.[^/]+\.js$/.test(f));
		if (app) {
			queue.push(...routeNodesOf(html, (await load(app)).code, app));
		}
		const seen = new Set<string>();
		let total = 0;
		while (queue.length > 0) {
			const file = queue.shift()!;
			if (seen.has(file)) {
				continue;
			}
			seen.add(file);
			const { gz, imports } = await load(file);
			total += gz;
			queue.push(...imports);
		}
		kb[page] = Math.round((total / 1024) * 10) / 10;
		files[page] = [...seen].map((f) => new URL(f).pathname);
	}
	return { kb, files };
}
