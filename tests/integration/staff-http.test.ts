import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';

const ADMIN = { email: 'demo@droft.no', password: 'demo-passord-123' };
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const postgresUrl = inject('postgresUrl');
// Both backends may share one PostgreSQL database across test files: e-mails are made unique.
const backends = [
	{ name: 'PGlite (embedded)', databaseUrl: null, tag: 'pglite' },
	...(postgresUrl ? [{ name: 'PostgreSQL', databaseUrl: postgresUrl, tag: 'pg' }] : [])
];

let server: TestServer;

/** A browser's GET: cookies by hand, redirects not followed. */
function get(path: string, cookie = '') {
	return fetch(server.url + path, {
		redirect: 'manual',
		headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) }
	});
}

/** A browser's same-origin form post (SvelteKit checks Origin), answered as HTML. */
function post(path: string, fields: Record<string, string>, cookie = '', origin = server.url) {
	return fetch(server.url + path, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			accept: 'text/html',
			origin,
			'content-type': 'application/x-www-form-urlencoded',
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams(fields).toString()
	});
}

function sessionCookie(response: Response): string {
	const header = response.headers.getSetCookie().find((c) => c.startsWith('droft_staff='));
	const pair = header?.split(';')[0] ?? '';
	return pair.endsWith('=') ? '' : pair;
}

async function signIn(email = ADMIN.email, password = ADMIN.password) {
	const response = await post('/login', { email, password });
	expect(response.status).toBe(303);
	const cookie = sessionCookie(response);
	expect(cookie).not.toBe('');
	return cookie;
}

async function html(response: Response) {
	return response.text();
}

/** Invites a staff member as the admin; returns the one-time path and their id. */
async function invite(admin: string, name: string, email: string, isAdmin = false) {
	const response = await post(
		'/admin/staff?/invite',
		{ name, email, ...(isAdmin ? { isAdmin: 'on' } : {}) },
		admin
	);
	expect(response.status).toBe(200);
	const page = await html(response);
	const link = page.match(/value="(http[^"]+\/passord\/[^"]+)"/)?.[1];
	expect(link).toBeDefined();
	return { path: new URL(link!).pathname, id: await staffId(admin, email) };
}

async function staffId(admin: string, email: string) {
	const page = await html(await get('/admin/staff', admin));
	const id = page.match(new RegExp(`${email}</td>[\\s\\S]*?name="staffId" value="(${UUID})"`));
	expect(id).not.toBeNull();
	return id![1]!;
}

/** Sets the password from a one-time link; returns the session cookie it signs in with. */
async function setPassword(path: string, password: string) {
	const response = await post(path, { password, confirm: password });
	expect(response.status).toBe(303);
	expect(response.headers.get('location')).toBe('/admin');
	return sessionCookie(response);
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe.each(backends)('staff pages on $name', ({ databaseUrl, tag }) => {
	const email = (name: string) => `${name}.${tag}@ks.no`;

	beforeAll(async () => {
		server = await startServer({ databaseUrl, env: { DEMO_ADMIN_PASSWORD: ADMIN.password } });
	});
	afterAll(async () => {
		await server?.stop();
	});

	describe('signing in and out', () => {
		it('signs in with the right password: an HttpOnly, SameSite=Lax cookie and a redirect', async () => {
			const response = await post('/login?next=%2Fadmin%2Fstaff', ADMIN);
			expect(response.status).toBe(303);
			expect(response.headers.get('location')).toBe('/admin/staff');
			const header = response.headers.getSetCookie().find((c) => c.startsWith('droft_staff='));
			expect(header).toMatch(/; HttpOnly/i);
			expect(header).toMatch(/; SameSite=Lax/i);
			expect(header).toMatch(/; Path=\//i);
			// Plain http here: a Secure cookie would never come back.
			expect(header).not.toMatch(/; Secure/i);
			expect((await get('/admin', sessionCookie(response))).status).toBe(200);
		});

		it('refuses a wrong password with 400 and the message, keeping the e-mail', async () => {
			const response = await post('/login', { email: ADMIN.email, password: 'feil-passord-123' });
			expect(response.status).toBe(400);
			expect(sessionCookie(response)).toBe('');
			const page = await html(response);
			expect(page).toContain('Feil e-post eller passord.');
			expect(page).toContain(`value="${ADMIN.email}"`);
		});

		it('refuses an unknown e-mail the same way', async () => {
			const response = await post('/login', { email: 'ukjent@ks.no', password: ADMIN.password });
			expect(response.status).toBe(400);
			expect(await html(response)).toContain('Feil e-post eller passord.');
		});

		it('locks an e-mail out after 10 wrong passwords, even for the right one, and logs sign-ins', async () => {
			const lockedEmail = email('gjett');
			const admin = await signIn();
			const made = await invite(admin, 'Gjett Meg', lockedEmail);
			await setPassword(made.path, 'riktig-passord-123');
			for (let i = 0; i < 10; i++) {
				expect(
					(await post('/login', { email: lockedEmail, password: `feil-${i}-passord` })).status
				).toBe(400);
			}
			const locked = await post('/login', { email: lockedEmail, password: 'riktig-passord-123' });
			expect(locked.status).toBe(429);
			expect(sessionCookie(locked)).toBe('');
			expect(await html(locked)).toContain('For mange forsøk på å logge inn.');
			// Another person from the same address is not locked out by it.
			expect((await post('/login', ADMIN)).status).toBe(303);
			const log = await html(await get('/audit', admin));
			expect(log).toContain('staff:sign-in');
			expect(log).toContain('staff:invite');
		});

		it('answers a malformed form with a field error and no session', async () => {
			const forms: Record<string, string>[] = [
				{ email: 'ikke-en-epost', password: 'x' },
				{ email: ADMIN.email },
				{}
			];
			for (const fields of forms) {
				const response = await post('/login', fields);
				expect(response.status).toBe(400);
				expect(sessionCookie(response)).toBe('');
			}
			const page = await html(await post('/login', { email: 'ikke-en-epost', password: 'x' }));
			expect(page).toContain('Skriv en gyldig e-postadresse.');
		});

		it('never sends anyone to another site after signing in', async () => {
			for (const next of ['//evil.example/x', 'https://evil.example', '/\\evil.example', 'admin']) {
				const response = await post(`/login?next=${encodeURIComponent(next)}`, ADMIN);
				expect(response.status).toBe(303);
				expect(response.headers.get('location')).toBe('/admin');
			}
		});

		it('refuses a cross-site form post', async () => {
			const response = await post('/login', ADMIN, '', 'https://evil.example');
			expect(response.status).toBe(403);
			expect(sessionCookie(response)).toBe('');
		});

		it('signing out ends the session on the server, not only in the browser', async () => {
			const cookie = await signIn();
			const response = await post('/logout', {}, cookie);
			expect(response.status).toBe(303);
			expect(response.headers.get('location')).toBe('/login');
			expect(response.headers.getSetCookie().join()).toMatch(/droft_staff=;.*Max-Age=0/i);
			const again = await get('/admin', cookie);
			expect(again.status).toBe(303);
			expect(again.headers.get('location')).toBe('/login?next=%2Fadmin');
		});
	});

	describe('who may open which admin page', () => {
		let admin: string;
		let assigned: string;
		let unassigned: string;
		let roundId: string;
		let mine: string;
		let other: string;

		beforeAll(async () => {
			admin = await signIn();
			const overview = await html(await get('/admin', admin));
			roundId = overview.match(new RegExp(`/admin/rounds/(${UUID})`))![1]!;
			const conferences = [...overview.matchAll(new RegExp(`/admin/conferences/(${UUID})`, 'g'))];
			mine = conferences[0]![1]!;
			other = conferences[1]![1]!;
			const a = await invite(admin, 'Anne Assigned', email('anne'));
			const b = await invite(admin, 'Bjørn Bystander', email('bjorn'));
			assigned = await setPassword(a.path, 'anne-sitt-passord');
			unassigned = await setPassword(b.path, 'bjorn-sitt-passord');
			const response = await post(`/admin/conferences/${mine}?/assign`, { staffId: a.id }, admin);
			expect(response.status).toBe(200);
		});

		const adminOnly = () => ['/admin/staff', '/admin/rounds/new', `/admin/rounds/${roundId}`];
		const conference = (id: string) => [
			`/admin/conferences/${id}`,
			`/admin/conferences/${id}/codes`
		];

		it('sends a visitor to sign in, and back afterwards', async () => {
			for (const path of ['/admin', ...adminOnly(), ...conference(mine)]) {
				const response = await get(path);
				expect(response.status, path).toBe(303);
				expect(response.headers.get('location')).toBe(`/login?next=${encodeURIComponent(path)}`);
			}
			const action = await post(`/admin/rounds/${roundId}?/addCounties`, {});
			expect(action.status).toBe(303);
			expect(action.headers.get('location')).toBe(
				`/login?next=${encodeURIComponent(`/admin/rounds/${roundId}`)}`
			);
		});

		it('lets an admin open every page', async () => {
			for (const path of ['/admin', ...adminOnly(), ...conference(mine), ...conference(other)]) {
				expect((await get(path, admin)).status, path).toBe(200);
			}
		});

		it('gives a facilitator who is not assigned 403 on admin pages and on conferences', async () => {
			for (const path of [...adminOnly(), ...conference(mine)]) {
				const response = await get(path, unassigned);
				expect(response.status, path).toBe(403);
				expect(await html(response)).toContain('Du har ikke tilgang til denne siden.');
			}
			const overview = await html(await get('/admin', unassigned));
			expect(overview).toContain('Du er ikke fasilitator for noen konferanse ennå.');
			expect(overview).not.toContain('/admin/conferences/');
		});

		it('lets an assigned facilitator open their conference and nothing else', async () => {
			for (const path of conference(mine)) {
				expect((await get(path, assigned)).status, path).toBe(200);
			}
			for (const path of [...adminOnly(), ...conference(other)]) {
				expect((await get(path, assigned)).status, path).toBe(403);
			}
			const overview = await html(await get('/admin', assigned));
			expect(overview).toContain(`/admin/conferences/${mine}`);
			expect(count(overview, /href="\/admin\/conferences\//g)).toBe(1);
		});

		it('refuses admin-only form actions to facilitators and changes nothing', async () => {
			const before = await html(await get(`/admin/rounds/${roundId}`, admin));
			const attempts = [
				post(`/admin/rounds/${roundId}?/addCounties`, {}, assigned),
				post(
					`/admin/rounds/${roundId}?/addRegion`,
					{ code: 'ZZ', name: 'Z', countyCodes: '03' },
					assigned
				),
				post('/admin/rounds/new', { name: 'Sniking', status: 'draft' }, assigned),
				post('/admin/staff?/invite', { name: 'Snik', email: email('snik') }, assigned),
				post(`/admin/conferences/${mine}?/assign`, { staffId: '' }, assigned),
				post(`/admin/conferences/${other}?/codes`, { count: '3' }, assigned)
			];
			for (const response of await Promise.all(attempts)) {
				expect(response.status).toBe(403);
			}
			const after = await html(await get(`/admin/rounds/${roundId}`, admin));
			expect(count(after, /name="regionId"/g)).toBe(count(before, /name="regionId"/g));
			expect(await html(await get('/admin/staff', admin))).not.toContain(email('snik'));
		});

		it('lets an assigned facilitator make personal codes for their conference', async () => {
			const response = await post(`/admin/conferences/${mine}?/codes`, { count: '3' }, assigned);
			expect(response.status).toBe(200);
			const page = await html(await get(`/admin/conferences/${mine}/codes`, assigned));
			const codes = [...page.matchAll(/class="code[^"]*">([A-Z0-9]{4}) ([A-Z0-9]{4})</g)];
			expect(codes).toHaveLength(3);
			for (const [, a, b] of codes) {
				expect(`${a}${b}`).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{8}$/);
			}
		});
	});

	describe('one-time links', () => {
		it('an invitation sets a password once; the second use fails', async () => {
			const admin = await signIn();
			const { path } = await invite(admin, 'Ida Invitert', email('ida'));
			const page = await html(await get(path));
			expect(page).toContain('Ida Invitert');
			expect(page).toContain(email('ida'));

			const mismatch = await post(path, { password: 'ida-sitt-passord', confirm: 'noe annet her' });
			expect(mismatch.status).toBe(400);
			expect(await html(mismatch)).toContain('Passordene er ikke like.');
			const short = await post(path, { password: 'kort', confirm: 'kort' });
			expect(short.status).toBe(400);
			expect(await html(short)).toContain('Passordet må ha minst 10 tegn.');

			const cookie = await setPassword(path, 'ida-sitt-passord');
			expect((await get('/admin', cookie)).status).toBe(200);

			const reused = await get(path);
			expect(reused.status).toBe(404);
			expect(await html(reused)).toContain('Lenken er brukt eller utløpt.');
			const reposted = await post(path, { password: 'ny-overtakelse', confirm: 'ny-overtakelse' });
			expect(reposted.status).toBe(404);
			expect(sessionCookie(reposted)).toBe('');
			await signIn(email('ida'), 'ida-sitt-passord');
			expect(
				(await post('/login', { email: email('ida'), password: 'ny-overtakelse' })).status
			).toBe(400);
		});

		it('a reset link sets a new password and signs the old sessions out', async () => {
			const admin = await signIn();
			const { path, id } = await invite(admin, 'Rolf Reset', email('rolf'));
			const old = await setPassword(path, 'rolf-forste-passord');

			const reset = await post('/admin/staff?/reset', { staffId: id }, admin);
			expect(reset.status).toBe(200);
			const link = (await html(reset)).match(/value="(http[^"]+\/passord\/[^"]+)"/)![1]!;
			expect(await html(await get(new URL(link).pathname))).toContain('Rolf Reset');
			await setPassword(new URL(link).pathname, 'rolf-andre-passord');

			expect((await get('/admin', old)).status).toBe(303);
			expect(
				(await post('/login', { email: email('rolf'), password: 'rolf-forste-passord' })).status
			).toBe(400);
			await signIn(email('rolf'), 'rolf-andre-passord');
		});

		it('an unknown link says so', async () => {
			const response = await get('/passord/finnes-ikke');
			expect(response.status).toBe(404);
			expect(await html(response)).toContain('Lenken er brukt eller utløpt.');
		});

		it('refuses a second invitation to the same e-mail', async () => {
			const admin = await signIn();
			const response = await post(
				'/admin/staff?/invite',
				{ name: 'Igjen', email: ADMIN.email },
				admin
			);
			expect(response.status).toBe(409);
			expect(await html(response)).toContain('Det finnes allerede en bruker med den e-posten.');
		});
	});

	describe('setting up a round', () => {
		it('creates a round, its regions and a conference with a join code', async () => {
			const admin = await signIn();
			const created = await post(
				'/admin/rounds/new',
				{ name: 'Runde 2026', status: 'draft' },
				admin
			);
			expect(created.status).toBe(303);
			const path = created.headers.get('location')!;
			expect(path).toMatch(new RegExp(`^/admin/rounds/${UUID}$`));

			expect((await post(`${path}?/addCounties`, {}, admin)).status).toBe(200);
			const viken = { code: 'VIK', name: 'Viken', countyCodes: '31, 32 33' };
			expect((await post(`${path}?/addRegion`, viken, admin)).status).toBe(200);
			expect((await post(`${path}?/addRegion`, viken, admin)).status).toBe(409);
			let page = await html(await get(path, admin));
			expect(page).toContain('Regioner (16)');
			expect(page).toContain('fylker: 31, 32, 33');

			const regionId = page.match(new RegExp(`<option value="(${UUID})"[^>]*>Viken<`))![1]!;
			const conference = {
				regionId,
				title: 'Strategikonferansen i Viken',
				startsOn: '2026-03-05',
				place: 'Lillestrøm',
				status: 'draft'
			};
			expect((await post(`${path}?/createConference`, conference, admin)).status).toBe(200);
			page = await html(await get(path, admin));
			expect(page).toContain('Strategikonferansen i Viken');
			expect(page).toMatch(/class="code[^"]*">[ACDEFGHJKMNPQRTUVWXY34679]{6}</);
			expect(page).toContain('Lillestrøm');
		});

		it('refuses bad input with field errors and changes nothing', async () => {
			const admin = await signIn();
			const overview = async () =>
				count(await html(await get('/admin', admin)), /\/admin\/rounds\//g);
			const rounds = await overview();
			const badRound = await post('/admin/rounds/new', { name: '  ', status: 'unknown' }, admin);
			expect(badRound.status).toBe(400);
			const badPage = await html(badRound);
			expect(badPage).toContain('Skriv et navn (høyst 200 tegn).');
			expect(badPage).toContain('Velg en status fra listen.');
			expect(await overview()).toBe(rounds);

			const path = `/admin/rounds/${(await html(await get('/admin', admin))).match(new RegExp(`/admin/rounds/(${UUID})`))![1]}`;
			const regions = count(await html(await get(path, admin)), /name="regionId" value=/g);
			for (const fields of [
				{ code: 'OK', name: 'Region', countyCodes: '99' },
				{ code: 'ikke gyldig kode!', name: 'Region', countyCodes: '03' },
				{ code: 'OK', name: '', countyCodes: '03' }
			]) {
				expect((await post(`${path}?/addRegion`, fields, admin)).status).toBe(400);
			}
			expect(count(await html(await get(path, admin)), /name="regionId" value=/g)).toBe(regions);

			const conferences = count(
				await html(await get(path, admin)),
				/href="\/admin\/conferences\//g
			);
			const badConference = await post(
				`${path}?/createConference`,
				{ regionId: 'nope', title: 'T', startsOn: '2026-13-45', status: 'live' },
				admin
			);
			expect(badConference.status).toBe(400);
			expect(await html(badConference)).toContain(
				'Skriv en gyldig dato, eller la feltet stå tomt.'
			);
			expect(count(await html(await get(path, admin)), /href="\/admin\/conferences\//g)).toBe(
				conferences
			);

			const conference = (await html(await get(path, admin))).match(
				new RegExp(`/admin/conferences/(${UUID})`)
			)![1]!;
			for (const n of ['0', 'abc', '100000']) {
				const response = await post(`/admin/conferences/${conference}?/codes`, { count: n }, admin);
				expect(response.status).toBe(400);
			}
			expect(await html(await get(`/admin/conferences/${conference}`, admin))).toContain(
				'Laget: 0. Brukt: 0.'
			);
		});
	});
});
