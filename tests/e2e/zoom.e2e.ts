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
 * Reflow (WCAG 1.4.10) and zoom (1.4.4): every main screen at 360 CSS px, and at 200 % zoom of
 * a 1280 px wide desktop (640 CSS px at device scale 2), without scrolling sideways. Motion is
 * switched off when the system asks for reduced motion.
 */
const MODES = {
	'360': { viewport: { width: 360, height: 780 }, deviceScaleFactor: 1 },
	zoom200: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }
} as const;
type Mode = keyof typeof MODES;

/** One browser context per mode, optionally starting from another context's cookies. */
async function contexts(browser: Browser, from?: BrowserContext) {
	const storageState = from ? await from.storageState() : undefined;
	const made = {} as Record<Mode, BrowserContext>;
	for (const mode of Object.keys(MODES) as Mode[]) {
		made[mode] = await browser.newContext({ ...MODES[mode], locale: 'nb-NO', storageState });
	}
	return made;
}

/** Elements that stick out past the right edge of the window, for the failure message. */
function overflow(page: Page) {
	return page.evaluate(() => {
		const root = document.documentElement;
		const edge = root.clientWidth + 1;
		const wide = [...document.querySelectorAll('body *')]
			.filter((el) => el.getBoundingClientRect().right > edge)
			.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
			.slice(0, 10);
		return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
	});
}

/**
 * Opens `path` in every mode, waits for `ready`, checks there is no horizontal scrolling and
 * takes a full-page screenshot per mode; axe finds no WCAG 2.1 AA violation in either.
 */
async function check(
	name: string,
	path: string,
	where: Record<Mode, BrowserContext>,
	ready: (page: Page) => Promise<void>
) {
	for (const mode of Object.keys(MODES) as Mode[]) {
		const page = await where[mode].newPage();
		await page.goto(path);
		await ready(page);
		await page.screenshot({ path: `test-results/screens/${name}-${mode}.png`, fullPage: true });
		await assertAccessible(page);
		const { scrollWidth, clientWidth, wide } = await overflow(page);
		expect(
			scrollWidth,
			`${name} at ${mode} scrolls sideways (${scrollWidth} > ${clientWidth}): ${wide.join(', ')}`
		).toBeLessThanOrEqual(clientWidth);
		await page.close();
	}
}

/**
 * Transitions, animations and smooth scrolling still in effect on the page (longer than the
 * 0.01 ms the reduced-motion rule leaves).
 */
function motion(page: Page) {
	return page.evaluate(() => {
		const seconds = (list: string) =>
			list.split(',').map((d) => (d.trim().endsWith('ms') ? parseFloat(d) / 1000 : parseFloat(d)));
		const found: string[] = [];
		for (const el of [document.documentElement, ...document.querySelectorAll('body, body *')]) {
			for (const pseudo of [null, '::before', '::after']) {
				const style = getComputedStyle(el, pseudo);
				const moving = [
					...seconds(style.transitionDuration),
					...(style.animationName === 'none' ? [] : seconds(style.animationDuration))
				].some((s) => s > 0.00001);
				if (moving) {
					found.push(`${el.tagName.toLowerCase()}${pseudo ?? ''}.${[...el.classList].join('.')}`);
				}
			}
		}
		if (getComputedStyle(document.documentElement).scrollBehavior !== 'auto') {
			found.push('html scroll-behavior');
		}
		for (const animation of document.getAnimations()) {
			const duration = Number(animation.effect?.getComputedTiming().duration ?? 0);
			if (duration > 0.01) {
				found.push(`animation ${animation.id || animation.constructor.name} ${duration} ms`);
			}
		}
		return found;
	});
}

test('every main screen reflows at 360 px and at 200 % zoom, and honours reduced motion', async ({
	browser,
	page
}) => {
	test.setTimeout(240_000);
	const conference = (await demoConferences(page))[8]!;
	const conferenceId = conference.presenterPath.split('/')[2]!;

	// Anyone: the front page, the join page, the sign-in page and the two statements.
	const anyone = await contexts(browser);
	const heading = (page: Page) => expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await check('zoom-home', '/', anyone, heading);
	await check('zoom-join', `/j/${conference.code}`, anyone, heading);
	await check('zoom-login', '/login', anyone, heading);
	await check('zoom-personvern', '/personvern', anyone, heading);
	await check('zoom-tilgjengelighet', '/tilgjengelighet', anyone, heading);

	// A phone at table 5, and the facilitator's control page and big screen.
	const joining = await browser.newContext({ ...MODES['360'], locale: 'nb-NO' });
	const join = await joining.newPage();
	await join.goto(`/j/${conference.code}`);
	await join.getByLabel('Kommune', { exact: true }).selectOption('annet');
	await join.getByRole('radio', { name: 'Administrasjon' }).check();
	await join.getByLabel('Bordnummer').fill('5');
	await join.getByRole('button', { name: 'Bli med' }).click();
	await expect(join).toHaveURL(`/c/${conferenceId}`);
	const phone = await contexts(browser, joining);

	await signInAsStaff(page, `/c/${conferenceId}/control`);
	const staff = await contexts(browser, page.context());

	// Group work: a card on the table and a point written to it.
	await page.getByRole('button', { name: 'Gruppe', exact: true }).click();
	await join.getByRole('button', { name: 'Trekk kort' }).click();
	await expect(join.getByTestId('card')).toBeVisible();
	await join.getByLabel('Nytt punkt').fill('Et langt punkt: arbeidsgiverpolitikk og heltidskultur');
	await join.getByRole('button', { name: 'Legg til punkt' }).click();
	await expect(join.getByTestId('note-text')).toHaveCount(1);
	await check('zoom-phone-card', `/c/${conferenceId}`, phone, async (p) => {
		await expect(p.getByTestId('card')).toBeVisible();
		await expect(p.getByTestId('note-text')).toHaveCount(1);
	});
	await check('zoom-control-tables', `/c/${conferenceId}/control`, staff, (p) =>
		expect(p.getByTestId('stage-now')).toContainText('Gruppe')
	);

	// What a phone can read: the booklet, the card deck and the facts.
	const content = (p: Page) => expect(p.getByRole('heading', { level: 1 })).toBeVisible();
	await check('zoom-hefte', `/c/${conferenceId}/hefte`, phone, content);
	await check('zoom-kort', `/c/${conferenceId}/kort`, phone, content);
	await check('zoom-fakta', `/c/${conferenceId}/fakta`, phone, content);

	// Plenary: «KS spør 1» open and on the big screen, with the step buttons unfolded.
	await showQuestion(page, 1);
	await check('zoom-phone-question', `/c/${conferenceId}`, phone, async (p) => {
		const scale = p.getByRole('form', { name: 'Sentralt eller lokalt?' });
		await expect(scale.getByRole('slider')).toBeEnabled();
		await scale.locator('summary').click();
		await expect(scale.getByRole('radio').first()).toBeVisible();
	});
	await check('zoom-presenter', `/c/${conferenceId}/presenter`, staff, async (p) => {
		await expect(p.getByTestId('poll-progress').first()).toBeVisible();
		await expect(p.getByText(conference.code, { exact: true })).toBeVisible();
	});
	await check('zoom-control', `/c/${conferenceId}/control`, staff, (p) =>
		expect(p.getByRole('region', { name: 'KS spør 1', exact: true })).toBeVisible()
	);

	// Reduced motion: nothing moves on the phone's screens or the facilitator's.
	for (const [where, path] of [
		[anyone['360'], '/'],
		[anyone['360'], `/j/${conference.code}`],
		[phone['360'], `/c/${conferenceId}`],
		[phone['360'], `/c/${conferenceId}/hefte`],
		[staff.zoom200, `/c/${conferenceId}/control`],
		[staff.zoom200, `/c/${conferenceId}/presenter`]
	] as const) {
		const p = await where.newPage();
		await p.emulateMedia({ reducedMotion: 'reduce' });
		await p.goto(path);
		await expect(p.getByRole('heading', { level: 1 }).first()).toBeVisible();
		expect(await p.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(
			true
		);
		expect(await motion(p), `motion on ${path}`).toEqual([]);
		await p.close();
	}

	for (const group of [anyone, phone, staff]) {
		await Promise.all(Object.values(group).map((c) => c.close()));
	}
	await joining.close();
});
