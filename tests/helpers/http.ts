/** HTTP helpers that act as a browser would: same-origin form posts, cookies kept by hand. */

export const DEMO_ADMIN = { email: 'demo@droft.no', password: 'demo-passord-123' };

/** Posts a form as a browser on `baseUrl` would (SvelteKit checks the Origin of form posts). */
export function postForm(
	baseUrl: string,
	path: string,
	fields: Record<string, string>,
	cookie = ''
) {
	return fetch(baseUrl + path, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: baseUrl,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields).toString()
	});
}

/** The `name=value` pairs a response sets, ready for a Cookie header. */
export function cookiesFrom(response: Response): string {
	return response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.filter((c) => !c.endsWith('='))
		.join('; ');
}

export interface JoinChoices {
	municipality?: string;
	role?: string;
	table?: string;
	personalCode?: string;
}

/** Joins a conference from a "phone": returns the participant cookie. */
export async function joinAsParticipant(baseUrl: string, code: string, choices: JoinChoices = {}) {
	const response = await postForm(baseUrl, `/j/${code}`, {
		municipality: 'annet',
		role: 'folkevalgt',
		table: '',
		...choices
	});
	if (response.status !== 303) {
		throw new Error(`join failed with ${response.status}: ${await response.text()}`);
	}
	return cookiesFrom(response);
}

/** Signs a staff member in: returns the session cookie. */
export async function signIn(
	baseUrl: string,
	email = DEMO_ADMIN.email,
	password = DEMO_ADMIN.password
) {
	const response = await postForm(baseUrl, '/login', { email, password });
	const cookie = cookiesFrom(response);
	if (!cookie.includes('droft_staff=')) {
		throw new Error(`sign-in failed with ${response.status}`);
	}
	return cookie;
}
