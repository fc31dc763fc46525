import {
	test as base,
	expect,
	type Browser,
	type BrowserContext,
	type Locator,
	type Page
} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export { expect };

/** axe with the WCAG 2.0/2.1 A and AA rules: the page must have no violation. */
export async function assertAccessible(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(
		results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`)
	).toEqual([]);
}

export const test = base.extend<{ checkA11y: (page: Page) => Promise<void> }>({
	// eslint-disable-next-line no-empty-pattern
	checkA11y: async ({}, use) => {
		await use(assertAccessible);
	}
});

/** The demo conferences the front page lists. */
export async function demoConferences(page: Page) {
	await page.goto('/');
	const rows = page.locator('ul.conferences li');
	const count = await rows.count();
	const list: { title: string; code: string; presenterPath: string }[] = [];
	for (let i = 0; i < count; i++) {
		const row = rows.nth(i);
		list.push({
			title: (await row.locator('a.title').innerText()).trim(),
			code: (await row.getByTestId('code').innerText()).trim(),
			presenterPath: (await row.locator('a.presenter').getAttribute('href')) ?? ''
		});
	}
	return list;
}

/** Screenshots at phone and projector size, for people to look at (not compared). */
export async function screenshots(page: Page, name: string) {
	for (const [label, size] of [
		['360', { width: 360, height: 780 }],
		['projector', { width: 1920, height: 1080 }]
	] as const) {
		await page.setViewportSize(size);
		await page.screenshot({ path: `test-results/screens/${name}-${label}.png`, fullPage: true });
	}
}

/** Signs the demo staff user in and lands on `next` (e.g. a conference's control page). */
export async function signInAsStaff(page: Page, next: string) {
	await page.goto(`/login?next=${encodeURIComponent(next)}`);
	await page.getByLabel('E-post').fill('demo@droft.no');
	await page.getByLabel('Passord').fill('demo-passord-123');
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await page.waitForURL(`**${next}`);
}

/** On the control page: the plenary stage, «KS spør `number`» opened and shown on the phones. */
export async function showQuestion(control: Page, number: number) {
	await control.getByRole('button', { name: 'Plenum', exact: true }).click();
	const question = control.getByRole('region', { name: `KS spør ${number}`, exact: true });
	await question.getByRole('button', { name: 'Åpne', exact: true }).click();
	await expect(question.getByTestId('question-status')).toHaveText('Status: Åpen');
	await control.locator('summary', { hasText: /^KS spør \(/ }).click();
	await control.getByRole('button', { name: `Vis: KS spør ${number}`, exact: true }).click();
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would; fails if
 * it never does within `max` presses.
 */
export async function tabTo(page: Page, target: Locator, { max = 60, back = false } = {}) {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) {
			return;
		}
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
	}
	throw new Error(`${back ? 'Shift+Tab' : 'Tab'} never reached ${target.toString()}`);
}

/**
 * How the focused element shows its focus: its outline (or box shadow), or null when it shows
 * none. Keyboard focus must be visible (WCAG 2.4.7).
 */
export function focusIndicator(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el || el === document.body) {
			return null;
		}
		const style = getComputedStyle(el);
		if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) {
			return `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`;
		}
		return style.boxShadow !== 'none' ? `box-shadow ${style.boxShadow}` : null;
	});
}

/**
 * A phone (360 px) that joined `code` at `table`; returns its page on the phone home. `prepare`
 * sets up its browser first, e.g. a network that drops a file.
 */
export async function joinPhone(
	browser: Browser,
	code: string,
	table: string,
	prepare: (context: BrowserContext) => Promise<void> = async () => {}
) {
	const context = await browser.newContext({
		viewport: { width: 360, height: 780 },
		locale: 'nb-NO'
	});
	await prepare(context);
	const phone = await context.newPage();
	await phone.goto(`/j/${code}`);
	await phone.getByLabel('Kommune', { exact: true }).selectOption('annet');
	await phone.getByRole('radio', { name: 'Folkevalgt' }).check();
	await phone.getByLabel('Bordnummer').fill(table);
	await phone.getByRole('button', { name: 'Bli med' }).click();
	await expect(phone).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
	return phone;
}
