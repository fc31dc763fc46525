/** Paths around signing in: where to sign in, and where to go back to afterwards. Pure. */

/** Where to send a visitor who must sign in first, so they come back here afterwards. */
export function loginPath(url: URL): string {
	// A form action's `?/name` is no page to come back to.
	const search = url.search.startsWith('?/') ? '' : url.search;
	return `/login?next=${encodeURIComponent(url.pathname + search)}`;
}

/**
 * Where to go after signing in: `next` when it is a path on this site, else the admin overview.
 * Never another origin (`//evil.example`, `/\evil.example`), so the link cannot redirect away.
 */
export function safeNext(next: string | null | undefined, fallback = '/admin'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
		return fallback;
	}
	const base = 'http://droft.invalid';
	let url: URL;
	try {
		url = new URL(next, base);
	} catch {
		return fallback;
	}
	if (url.origin !== base || /^\/(login|logout|passord)(\/|$)/.test(url.pathname)) {
		return fallback;
	}
	return url.pathname + url.search + url.hash;
}
