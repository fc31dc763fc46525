import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export { expect };

export const test = base.extend<{ checkA11y: (page: Page) => Promise<void> }>({
	// eslint-disable-next-line no-empty-pattern
	checkA11y: async ({}, use) => {
		await use(async (page: Page) => {
			const results = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
				.analyze();
			expect(
				results.violations.map(
					(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`
				)
			).toEqual([]);
		});
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
