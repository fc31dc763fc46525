import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { listedConferences, type ListedConference } from '../helpers/conferences';
import { postForm, signIn } from '../helpers/http';

const postgresUrl = inject('postgresUrl');

describe('verified mode and municipal input before the conference', () => {
	let server: TestServer;
	let conferences: ListedConference[];
	let admin: string;
	const page = async (path: string, cookie = admin) =>
		(await fetch(server.url + path, { headers: { cookie } })).text();
	const join = (code: string, personalCode?: string) =>
		postForm(server.url, `/j/${code}`, {
			municipality: 'annet',
			role: 'folkevalgt',
			table: '',
			...(personalCode === undefined ? {} : { personalCode })
		});

	beforeAll(async () => {
		server = await startServer({ databaseUrl: postgresUrl });
		conferences = await listedConferences(server.url);
		admin = await signIn(server.url);
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('lets only holders of a personal code join, each code once', async () => {
		const conference = conferences[5]!;
		const adminPage = await page(`/admin/conferences/${conference.id}`);
		const regionId = adminPage.match(/<option value="([0-9a-f-]{36})" selected/)?.[1];
		expect(regionId).toBeTruthy();
		const saved = await postForm(
			server.url,
			`/admin/conferences/${conference.id}?/save`,
			{
				regionId: regionId!,
				title: 'Verifisert konferanse',
				startsOn: '',
				place: '',
				status: 'live',
				verified: 'on'
			},
			admin
		);
		expect(saved.status).toBeLessThan(400);
		expect(
			(
				await postForm(
					server.url,
					`/admin/conferences/${conference.id}?/codes`,
					{ count: '2' },
					admin
				)
			).status
		).toBeLessThan(400);
		const codes = [
			...(await page(`/admin/conferences/${conference.id}/codes`)).matchAll(
				/class="code[^"]*">([A-Z0-9]{4}) ([A-Z0-9]{4})</g
			)
		].map(([, a, b]) => `${a}${b}`);
		expect(codes).toHaveLength(2);

		const without = await join(conference.joinCode);
		expect(without.status).toBe(400);
		expect(await without.text()).toContain('Skriv inn den personlige koden du har fått.');
		expect((await join(conference.joinCode, 'QQQQ-QQQQ')).status).toBe(403);
		expect((await join(conference.joinCode, codes[0]!.toLowerCase())).status).toBe(303);
		const twice = await join(conference.joinCode, codes[0]!);
		expect(twice.status).toBe(403);
		expect(await twice.text()).toContain('Den personlige koden er ukjent eller allerede brukt.');
		expect((await join(conference.joinCode, codes[1]!)).status).toBe(303);
	});

	it('gives each municipality a secret form whose answers are saved and sent in as one body', async () => {
		const overview = await page('/admin');
		// The demo round's: other test files may have added rounds to a shared database.
		const roundId = overview.match(
			/\/admin\/rounds\/([0-9a-f-]{36})"\s+aria-label="[^"]*Strategikonferansene 2022"/
		)?.[1];
		expect(roundId).toBeTruthy();
		const opened = await postForm(server.url, `/admin/rounds/${roundId}/forms?/open`, {}, admin);
		const links = [
			...(await opened.text()).matchAll(/(https?:\/\/[^<"\s]+\/skjema\/[A-Za-z0-9_-]+)/g)
		].map((m) => m[1]!);
		expect(links.length).toBeGreaterThan(300);
		const path = new URL(links[0]!).pathname;
		expect(await page(path, '')).toContain('KS spør 1');

		const answer = (ballotId: string, value: unknown) =>
			postForm(server.url, `${path}?/answer`, { ballotId, value: JSON.stringify(value) });
		expect((await answer('ks1-fordeling', { kind: 'scale', value: 4 })).status).toBe(200);
		expect((await answer('ks1-fordeling', { kind: 'scale', value: 40 })).status).toBe(400);
		expect((await answer('ks2-grupper', { kind: 'multiple', optionIds: ['laerere'] })).status).toBe(
			403
		);
		expect((await answer('ks2-profil', { kind: 'single', optionId: 'omfordeling' })).status).toBe(
			200
		);
		expect((await answer('ks2-grupper', { kind: 'multiple', optionIds: ['laerere'] })).status).toBe(
			200
		);
		expect((await postForm(server.url, `${path}?/send`, { body: 'Formannskapet' })).status).toBe(
			200
		);
		expect(await page(`/admin/rounds/${roundId}/forms`)).toContain('Sendt inn av Formannskapet');

		// A new link replaces the old one.
		await postForm(server.url, `/admin/rounds/${roundId}/forms?/renew`, {}, admin);
		expect((await fetch(server.url + path)).status).toBe(404);
	});

	it('keeps the forms for staff: a participant or visitor cannot open links', async () => {
		const overview = await page('/admin');
		// The demo round's: other test files may have added rounds to a shared database.
		const roundId = overview.match(
			/\/admin\/rounds\/([0-9a-f-]{36})"\s+aria-label="[^"]*Strategikonferansene 2022"/
		)?.[1];
		const anonymous = await postForm(server.url, `/admin/rounds/${roundId}/forms?/open`, {});
		expect([303, 401, 403]).toContain(anonymous.status);
	});
});
