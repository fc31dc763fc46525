import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import type { Conference } from './staff';
import { round } from './stats';

/** What the facilitator does before a phone page is weighed, so the phone shows that screen. */
export interface PhoneScreenSetup {
	/** The conference moves to table discussion: the phone shows the table's deck. */
	toTable(): Promise<unknown>;
	/** A "KS spør" question is shown and opened: the phone shows its ballots. */
	toVote(): Promise<unknown>;
}

/**
 * The phone pages, by what the phone does there: the join form, and the conference page at a
 * table and while a question is open (its screens load their code only when shown). `shown` is
 * a selector that is on the page once the screen has rendered.
 */
const PHONE_PAGES = [
	{ page: 'join', path: (c: Conference) => `/j/${c.joinCode}`, joined: false, shown: 'form' },
	{
		page: 'table',
		path: (c: Conference) => `/c/${c.id}`,
		joined: true,
		shown: '[data-testid="table-announcement"]',
		setup: (s: PhoneScreenSetup) => s.toTable()
	},
	{
		page: 'vote',
		path: (c: Conference) => `/c/${c.id}`,
		joined: true,
		shown: '.ballots form',
		setup: (s: PhoneScreenSetup) => s.toVote()
	}
] as const;

export type PhonePage = (typeof PHONE_PAGES)[number]['page'];

export interface PhoneJs {
	kb: Record<PhonePage, number>;
	files: Record<PhonePage, string[]>;
}

/** `name=value` of a Set-Cookie header, for the browser's cookie jar. */
function cookieFor(setCookie: string, url: string) {
	const [pair = ''] = setCookie.split(';');
	const at = pair.indexOf('=');
	return { name: pair.slice(0, at), value: pair.slice(at + 1), url };
}

/**
 * Every script a phone with an empty cache loads to show one page, in Chromium: the page is
 * open until the screen has rendered and the network has been quiet for 500 ms. Each script
 * is gzipped at level 9, as adapter-node precompresses. Code fetched ahead for a page the
 * phone may go to next (the join form's prefetch once someone starts on it) is not counted.
 */
async function weighPage(browser: Browser, url: string, shown: string, cookie: string | null) {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
	try {
		if (cookie) {
			await context.addCookies([cookieFor(cookie, url)]);
		}
		const page = await context.newPage();
		const scripts = new Map<string, Promise<number>>();
		page.on('response', (response) => {
			if (response.request().resourceType() === 'script' && !scripts.has(response.url())) {
				const size = response.body().then((body) => gzipSync(body, { level: 9 }).length);
				scripts.set(response.url(), size);
			}
		});
		const answer = await page.goto(url, { waitUntil: 'networkidle' });
		if (!answer?.ok()) {
			throw new Error(`${url} answered ${answer?.status()}`);
		}
		await page.waitForSelector(shown, { state: 'attached', timeout: 15_000 });
		await page.waitForLoadState('networkidle');
		const sizes = await Promise.all(scripts.values());
		const total = sizes.reduce((a, b) => a + b, 0);
		return {
			kb: round(total / 1024)!,
			files: [...scripts.keys()].map((f) => new URL(f).pathname)
		};
	} finally {
		await context.close();
	}
}

/**
 * Gzipped JavaScript a phone loads on the first visit of each phone page, measured in a real
 * browser. `setup` moves the conference to the screen each page is weighed on; it is left there.
 */
export async function measurePhoneJs(
	url: string,
	conference: Conference,
	participantCookie: string,
	setup: PhoneScreenSetup
): Promise<PhoneJs> {
	const kb = {} as Record<PhonePage, number>;
	const files = {} as Record<PhonePage, string[]>;
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
	try {
		for (const spec of PHONE_PAGES) {
			if ('setup' in spec) {
				await spec.setup(setup);
			}
			const cookie = spec.joined ? participantCookie : null;
			const weighed = await weighPage(browser, url + spec.path(conference), spec.shown, cookie);
			kb[spec.page] = weighed.kb;
			files[spec.page] = weighed.files;
		}
	} finally {
		await browser.close();
	}
	return { kb, files };
}
