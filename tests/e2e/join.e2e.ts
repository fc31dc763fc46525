import type { Browser } from '@playwright/test';
import { test, expect, demoConferences, joinPhone, screenshots, signInAsStaff } from './fixtures';

test('the front page lists the demo conferences and passes axe', async ({ page, checkA11y }) => {
	const conferences = await demoConferences(page);
	expect(conferences).toHaveLength(15);
	await expect(page.getByRole('heading', { level: 1, name: 'Drøft' })).toBeVisible();
	await checkA11y(page);
	await screenshots(page, 'home');
});

test('joining from a phone adds one to the presenter count; leaving drops the connection', async ({
	browser,
	page,
	checkA11y
}) => {
	const [conference] = await demoConferences(page);
	// The presenter belongs to the facilitator: sign in first.
	await page.goto(conference!.presenterPath);
	await page.getByLabel('E-post').fill('demo@droft.no');
	await page.getByLabel('Passord').fill('demo-passord-123');
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page.getByTestId('join-code')).toHaveText(conference!.code);
	await expect(page.getByRole('img', { name: /QR-kode som åpner/ })).toBeVisible();
	// Counted from what the screen shows now: other files may have joined phones here before.
	const joined = Number(await page.getByTestId('joined-count').innerText());
	const connected = Number(
		(await page.getByTestId('connected-count').innerText()).match(/\d+/)?.[0] ?? 'NaN'
	);
	expect(joined).toBeGreaterThanOrEqual(0);
	await checkA11y(page);

	const phoneContext = await browser.newContext({
		viewport: { width: 360, height: 740 },
		locale: 'nb-NO'
	});
	const phone = await phoneContext.newPage();
	await phone.goto('/');
	await phone.getByLabel('Kode fra storskjermen').fill(conference!.code.toLowerCase());
	await phone.getByRole('button', { name: 'Bli med' }).click();
	await phone.getByLabel('Kommune', { exact: true }).selectOption('annet');
	await phone.getByLabel('Folkevalgt').check();
	await phone.getByLabel('Bordnummer').fill('2');
	await checkA11y(phone);
	await screenshots(phone, 'join-form');
	await phone.getByRole('button', { name: 'Bli med' }).click();
	await expect(phone.getByText('Bord 2', { exact: true })).toBeVisible();
	await checkA11y(phone);
	await screenshots(phone, 'phone-home');

	await expect(page.getByTestId('joined-count')).toHaveText(String(joined + 1));
	await expect(page.getByTestId('connected-count')).toContainText(`${connected + 1} tilkoblet`);
	await screenshots(page, 'presenter');

	await phoneContext.close();
	await expect(page.getByTestId('connected-count')).toContainText(`${connected} tilkoblet`);
	await expect(page.getByTestId('joined-count')).toHaveText(String(joined + 1));
});

test('an unknown code says so and offers to try another', async ({ page, checkA11y }) => {
	const response = await page.goto('/j/QQQQQQ');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('alert')).toContainText('Vi fant ingen konferanse med koden QQQQQQ');
	await expect(page.getByRole('button', { name: 'Prøv en annen kode' })).toBeVisible();
	await checkA11y(page);
});

test('the language is chosen on the phone and remembered', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('Språk').selectOption('nn');
	await page.getByRole('button', { name: 'Bytt' }).click();
	await expect(page.getByRole('heading', { name: 'Bli med i ein konferanse' })).toBeVisible();
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
	await page.getByLabel('Språk').selectOption('en');
	await page.getByRole('button', { name: 'Byt' }).click();
	await expect(page.getByRole('heading', { name: 'Join a conference' })).toBeVisible();
});

/** A phone joined to `code` at table 3, with its WebSockets and polling requests recorded. */
async function joinRecordingSocket(browser: Browser, code: string, blockWebSockets: boolean) {
	const sockets: string[] = [];
	const polls: string[] = [];
	const phone = await joinPhone(browser, code, '3', async (context) => {
		context.on('page', (page) => page.on('websocket', (ws) => sockets.push(ws.url())));
		context.on('request', (request) => {
			if (request.url().includes('transport=polling')) {
				polls.push(request.url());
			}
		});
		if (blockWebSockets) {
			// As on a network whose proxy refuses WebSockets: every attempt fails with an error.
			await context.addInitScript(() => {
				class RefusedWebSocket extends EventTarget {
					readyState = 0;
					onerror: ((event: Event) => void) | null = null;
					onclose: ((event: CloseEvent) => void) | null = null;
					constructor(readonly url: string) {
						super();
						setTimeout(() => {
							this.readyState = 3;
							this.onerror?.(new Event('error'));
							this.onclose?.(new CloseEvent('close', { code: 1006 }));
						}, 20);
					}
					send() {}
					close() {}
				}
				Object.defineProperty(window, 'WebSocket', { value: RefusedWebSocket });
			});
		}
	});
	await expect(phone.getByText('Bord 3', { exact: true })).toBeVisible();
	return { phone, sockets, polls };
}

test('a phone connects over WebSocket at once, and over long-polling where WebSockets are refused', async ({
	browser,
	page
}) => {
	const conference = (await demoConferences(page))[14]!;
	await signInAsStaff(page, conference.presenterPath);
	const connected = () => page.getByTestId('connected-count');
	const before = Number((await connected().innerText()).match(/\d+/)?.[0] ?? 'NaN');

	const direct = await joinRecordingSocket(browser, conference.code, false);
	await expect(connected()).toContainText(`${before + 1} tilkoblet`);
	expect(direct.sockets.filter((url) => url.includes('/socket.io/'))).toHaveLength(1);
	expect(direct.polls).toEqual([]);

	const refused = await joinRecordingSocket(browser, conference.code, true);
	await expect(connected()).toContainText(`${before + 2} tilkoblet`);
	expect(refused.polls.length).toBeGreaterThan(0);
	await Promise.all([direct.phone.context().close(), refused.phone.context().close()]);
});

test('what a phone fills in before the page’s script has loaded is kept', async ({
	browser,
	page
}) => {
	const conference = (await demoConferences(page))[12]!;
	const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
	// The page's JavaScript is held back until the form is filled, as on a slow line.
	let release = () => {};
	const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
	await context.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	const phone = await context.newPage();
	await phone.goto(`/j/${conference.code}`, { waitUntil: 'domcontentloaded' });
	await phone.getByLabel('Språk').selectOption('nn');
	await phone.getByLabel('Kommune', { exact: true }).selectOption('annet');
	await phone.getByLabel('Folkevalgt').check();
	await phone.getByLabel('Bordnummer').fill('5');

	release();
	// The form fetches the conference page's code once it is used, which only a hydrated page does.
	await expect(async () => {
		await phone.getByLabel('Bordnummer').blur();
		await phone.getByLabel('Bordnummer').focus();
		await expect(phone.locator('form.join[data-preloaded]')).toBeAttached({ timeout: 1000 });
	}).toPass({ timeout: 15_000 });
	await expect(phone.getByLabel('Språk')).toHaveValue('nn');
	await expect(phone.getByLabel('Folkevalgt')).toBeChecked();
	await expect(phone.getByLabel('Bordnummer')).toHaveValue('5');
	await phone.getByRole('button', { name: 'Bli med' }).click();
	await expect(phone.getByText('Bord 5', { exact: true })).toBeVisible();
	await context.close();
});
