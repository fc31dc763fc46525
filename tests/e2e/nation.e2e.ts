import { mkdirSync, writeFileSync } from 'node:fs';
import { joinAsParticipant } from '../helpers/http';
import { connect, request, type TestSocket } from '../helpers/socket';
import { optionIds } from '../helpers/pack';
import { controlOf } from '../helpers/staff';
import type { PollInfo } from '../../src/lib/realtime/events';
import { test, expect, demoConferences, screenshots, signInAsStaff } from './fixtures';

const ROLES = ['folkevalgt', 'administrasjon', 'tillitsvalgt', 'folkevalgt', 'annet'];
const RANKING = optionIds('ks3-prioritering');
const TRUST = optionIds('ks4-tema');

const sockets: TestSocket[] = [];
test.afterAll(() => sockets.forEach((s) => s.disconnect()));

/** Phones that join a conference and vote on every ballot of questions 1–4. */
async function vote(baseUrl: string, code: string, polls: PollInfo[], count: number, seed: number) {
	const poll = (ballotId: string) => polls.find((p) => p.ballotId === ballotId)!.id;
	for (let i = 0; i < count; i++) {
		const n = seed + i;
		const cookie = await joinAsParticipant(baseUrl, code, {
			role: ROLES[n % ROLES.length]!,
			table: String(1 + (n % 3))
		});
		const phone = await connect(baseUrl, cookie);
		sockets.push(phone);
		await request(phone, 'phone:hello', {});
		const cast = (ballotId: string, value: unknown) =>
			request(phone, 'vote:cast', { pollId: poll(ballotId), value });
		await cast('ks1-fordeling', { kind: 'scale', value: 1 + ((n * 7) % 5) });
		if (n % 2 === 0) {
			await cast('ks1-kommentar', {
				kind: 'text',
				text: `Mer lokalt handlingsrom gir bedre rekruttering (innspill ${n}).`
			});
		}
		await cast('ks2-profil', {
			kind: 'single',
			optionId: n % 3 === 0 ? 'omfordeling' : 'generell-lonnsutvikling'
		});
		const order = [...RANKING.slice(n % 6), ...RANKING.slice(0, n % 6)];
		await cast('ks3-prioritering', { kind: 'ranking', ranking: order });
		await cast('ks4-tema', {
			kind: 'points',
			points: { [TRUST[n % 5]!]: 60, [TRUST[(n + 2) % 5]!]: 40 }
		});
	}
}

test('KS staff follow the country live, read the answers and print a county report', async ({
	page,
	baseURL,
	checkA11y
}) => {
	test.setTimeout(120_000);
	const base = baseURL!;
	await signInAsStaff(page, '/admin');
	const edit = page.locator('section', { hasText: 'Strategikonferansene 2022' }).first();
	const roundId = (await edit.locator('a[href^="/admin/rounds/"]').getAttribute('href'))!
		.split('/')
		.pop()!;

	// Three conferences vote; the third has too few to show.
	const staffCookie = (await page.context().cookies())
		.map((c) => `${c.name}=${c.value}`)
		.join('; ');
	const conferences = (await demoConferences(page)).slice(11, 14);
	const polls: PollInfo[][] = [];
	for (const conference of conferences) {
		const socket = await connect(base, staffCookie);
		sockets.push(socket);
		const control = await controlOf(socket, conference.presenterPath.split('/')[2]!);
		const opened: PollInfo[] = [];
		for (const question of ['ks-spor-1', 'ks-spor-2', 'ks-spor-3', 'ks-spor-4']) {
			opened.push(...(await control.question(question, 'open')));
		}
		polls.push(opened);
	}
	await vote(base, conferences[0]!.code, polls[0]!, 8, 0);
	await vote(base, conferences[1]!.code, polls[1]!, 6, 8);
	await vote(base, conferences[2]!.code, polls[2]!, 3, 14);

	await page.goto(`/nation/${roundId}`);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Hele landet: Strategikonferansene 2022' })
	).toBeVisible();
	await expect(page.getByRole('status')).toHaveText('Direkte');
	const small = page.locator('.tiles li', { hasText: conferences[2]!.title.replace(/.* i /, '') });
	await expect(small).toContainText('for få svar');
	await checkA11y(page);
	await screenshots(page, 'nation');

	// Live: two more phones in the small county, and its tile shows a figure, no reload.
	await page.setViewportSize({ width: 1280, height: 900 });
	await vote(base, conferences[2]!.code, polls[2]!, 2, 17);
	await expect(small).not.toContainText('for få svar', { timeout: 10_000 });
	await expect(small).toContainText('Svar: 5');

	// Only elected officials, every county counting the same.
	await page.getByRole('checkbox', { name: 'Folkevalgt' }).check();
	await expect(page).toHaveURL(/role=folkevalgt/);
	await page.getByRole('radio', { name: 'Hvert fylke teller likt' }).check();
	await expect(page).toHaveURL(/weighting=region-equal/);
	await expect(page.getByText('Viser Folkevalgt')).toBeVisible();
	await checkA11y(page);

	// The answers in words, searchable.
	await page.getByRole('link', { name: 'Fritekst og notater' }).click();
	await page.getByLabel('Søk i teksten').fill('handlingsrom');
	await page.getByRole('button', { name: 'Vis', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Tekster funnet:');
	await expect(page.locator('mark').first()).toHaveText('handlingsrom');
	await checkA11y(page);
	await screenshots(page, 'nation-texts');

	// The county report, on screen and printed.
	await page.goto(`/nation/${roundId}/report`);
	await checkA11y(page);
	await screenshots(page, 'nation-report');
	const county = conferences[0]!.title.replace(/.* i /, '');
	await page.getByRole('link', { name: county, exact: true }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: `Innspill fra ${county}` })
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'KS spør 1' })).toBeVisible();
	await checkA11y(page);
	await screenshots(page, 'nation-report-county');
	await page.emulateMedia({ media: 'print' });
	await page.setViewportSize({ width: 794, height: 1123 });
	await page.screenshot({ path: 'test-results/screens/nation-report-print.png', fullPage: true });
	const pdf = await page.pdf({ format: 'A4', printBackground: true });
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
	mkdirSync('test-results/screens', { recursive: true });
	writeFileSync('test-results/screens/nation-report-county.pdf', pdf);
	await page.emulateMedia({ media: 'screen' });

	// What the presenter shows when the facilitator compares the county with the country.
	await page.goto('/preview/compare');
	await expect(page.getByText('Vestland mot landet så langt').first()).toBeVisible();
	await checkA11y(page);
	await screenshots(page, 'nation-compare');

	// Closing and deleting are behind their own page (not used here: other tests need the round).
	await page.goto(`/nation/${roundId}/lifecycle`);
	await expect(page.getByRole('button', { name: 'Lukk runden' })).toBeEnabled();
	await expect(page.getByRole('button', { name: 'Slett deltakerdata for godt' })).toBeDisabled();
	await checkA11y(page);
	await screenshots(page, 'nation-lifecycle');
});
