/** Cookie names and options shared by HTTP routes and the socket.io handshake. */
export const STAFF_COOKIE = 'droft_staff';
export const PARTICIPANT_COOKIE = 'droft_participant';

export const STAFF_SESSION_DAYS = 14;
export const PARTICIPANT_COOKIE_DAYS = 7;

/** HttpOnly, SameSite=Lax, Secure when served over TLS. */
export function cookieOptions(secure: boolean, days: number) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure,
		maxAge: days * 24 * 60 * 60
	};
}

/** Parses a Cookie header (the socket.io handshake has no SvelteKit cookie helper). */
export function parseCookieHeader(header: string | undefined): Record<string, string> {
	const cookies: Record<string, string> = {};
	for (const part of (header ?? '').split(';')) {
		const eq = part.indexOf('=');
		if (eq > 0) {
			const name = part.slice(0, eq).trim();
			try {
				cookies[name] = decodeURIComponent(part.slice(eq + 1).trim());
			} catch {
				// A malformed cookie value is ignored, not fatal.
			}
		}
	}
	return cookies;
}
