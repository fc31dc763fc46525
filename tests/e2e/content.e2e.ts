import { resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { readPack } from '../../src/lib/server/content/read-pack';
import { test, expect, demoConferences, screenshots, signInAsStaff } from './fixtures';

/** A phone that joined `code` at table 4; returns its page on the phone home. */
async function joinOnPhone(browser: Browser, code: string) {
	const context = await browser.newContext({
		viewport: { width: 360, height: 780 },
		locale: 'nb-NO'
	});
	const phone = await context.newPage();
	await phone.goto(`/j/${code}`);
	await phone.getByLabel('Kommune', { exact: true }).selectOption('annet');
	await phone.getByRole('radio', { name: 'Folkevalgt' }).check();
	await phone.getByLabel('Bordnummer').fill('4');
	await phone.getByRole('button', { name: 'Bli med' }).click();
	await expect(phone).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
	return { context, phone };
}

test('a phone reads the booklet, the deck and the facts, also after the network drops', async ({
	browser,
	page,
	checkA11y
}) => {
	// Three long pages, each checked by axe and photographed whole at two sizes.
	test.setTimeout(120_000);
	const conferences = await demoConferences(page);
	const { context, phone } = await joinOnPhone(browser, conferences.at(-1)!.code);
	const nav = phone.getByRole('navigation', { name: 'Lesestoff' });

	await nav.getByRole('link', { name: 'Debattheftet' }).click();
	await expect(phone.getByRole('heading', { level: 1, name: 'Debattheftet' })).toBeVisible();
	const toc = phone.getByRole('navigation', { name: 'Innhold' });
	await expect(toc.getByRole('link', { name: 'Forord' })).toBeVisible();
	await expect(
		phone.getByRole('heading', { level: 2, name: 'Økonomiske utsikter før forhandlingene i 2022' })
	).toBeAttached();
	await expect(phone.getByRole('img', { name: /^Årslønnsvekst siste 5 år/ })).toBeAttached();
	await checkA11y(phone);
	await screenshots(phone, 'reader');

	// Loaded once, the booklet stays readable without a network: in-page links need none.
	await context.setOffline(true);
	await phone.setViewportSize({ width: 360, height: 780 });
	await toc.getByRole('link', { name: 'En tillitsreform i og overfor kommunesektoren' }).click();
	await expect(phone).toHaveURL(/#en-tillitsreform$/);
	await expect(
		phone.getByRole('heading', {
			level: 2,
			name: 'En tillitsreform i og overfor kommunesektoren'
		})
	).toBeInViewport();
	await expect(phone.getByText('KS spør 4')).toBeAttached();
	await context.setOffline(false);

	await nav.getByRole('link', { name: 'Kortstokken' }).click();
	await expect(phone.getByRole('heading', { level: 1, name: 'Kortstokken' })).toBeVisible();
	await expect(
		phone.getByRole('heading', { level: 3, name: 'Om verdier og forankring' })
	).toBeVisible();
	await expect(phone.getByText('Kort 1', { exact: true })).toBeVisible();
	await checkA11y(phone);
	await screenshots(phone, 'deck');

	await nav.getByRole('link', { name: 'Fakta' }).click();
	await expect(phone.getByRole('heading', { level: 1, name: 'Fakta' })).toBeVisible();
	await expect(phone.getByRole('heading', { level: 2, name: 'Lønn og tariff' })).toBeVisible();
	await expect(phone.getByText('Visste du at …').first()).toBeVisible();
	await checkA11y(phone);
	await screenshots(phone, 'facts');

	await context.close();
});

test('the facilitator shows a booklet section; the presenter and the phones show it', async ({
	browser,
	page,
	checkA11y
}) => {
	test.setTimeout(90_000);
	const conferences = await demoConferences(page);
	const conference = conferences.at(-2)!;
	const conferenceId = conference.presenterPath.split('/')[2]!;
	const { context, phone } = await joinOnPhone(browser, conference.code);

	await signInAsStaff(page, '/admin');
	const presenter = await page.context().newPage();
	await presenter.goto(conference.presenterPath);
	await expect(presenter.getByTestId('join-code')).toHaveText(conference.code);

	await page.goto(`/c/${conferenceId}/control`);
	await page.getByRole('button', { name: 'Plenum' }).click();
	await expect(page.getByTestId('stage-now')).toHaveText('Nå: Plenum');
	await checkA11y(page);
	await screenshots(page, 'control-picker');
	const title = 'Økonomiske utsikter før forhandlingene i 2022';
	await page.getByRole('button', { name: `Vis: 8. ${title}` }).click();
	await expect(page.getByText('Vises nå')).toBeVisible();

	await expect(presenter.getByRole('heading', { level: 2, name: title })).toBeVisible();
	await expect(presenter.getByRole('img', { name: /^Årslønnsvekst siste 5 år/ })).toBeVisible();
	await checkA11y(presenter);
	await screenshots(presenter, 'presenter-section');

	await expect(phone.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(phone.getByText(/Prognosene for prisvekst og lønnsvekst i 2021/)).toBeVisible();
	await checkA11y(phone);
	await screenshots(phone, 'phone-section');

	// A deck card and a question, one at a time.
	await page.locator('summary', { hasText: /^Kortstokken \(/ }).click();
	await page.locator('summary', { hasText: /^Om verdier og forankring \(/ }).click();
	const card = page.getByRole('button', { name: /^Vis: Kort \d+$/ }).first();
	await card.click();
	await expect(presenter.getByText(/^Kort \d+$/)).toBeVisible();
	await screenshots(presenter, 'presenter-card');
	await page.locator('summary', { hasText: /^KS spør \(/ }).click();
	await page.getByRole('button', { name: 'Vis: KS spør 1' }).click();
	await expect(presenter.getByRole('heading', { level: 2, name: 'KS spør 1' })).toBeVisible();
	await screenshots(presenter, 'presenter-question');
	await expect(phone.getByRole('heading', { level: 1, name: 'KS spør 1' })).toBeVisible();

	await context.close();
});

test('an admin uploads a content pack and sees what is wrong with a broken one', async ({
	page,
	checkA11y
}) => {
	const files = await readPack(resolve('content/ks-2022'));
	const zip = (changed: Record<string, string>) =>
		Buffer.from(
			zipSync(
				Object.fromEntries(
					Object.entries({ ...files, ...changed }).map(([path, text]) => [
						`ks-2022/${path}`,
						strToU8(text)
					])
				)
			)
		);
	await signInAsStaff(page, '/admin');
	await page.goto('/admin/content');
	await expect(page.getByRole('heading', { level: 1, name: 'Innholdspakker' })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'ks-2022' })).toBeVisible();
	await checkA11y(page);

	const input = page.getByLabel('Innholdspakke (.zip)');
	await input.setInputFiles({ name: 'ks-2022.zip', mimeType: 'application/zip', buffer: zip({}) });
	await page.getByRole('button', { name: 'Last opp og importer' }).click();
	await expect(page.getByRole('status')).toContainText('Uendret (samme versjon og innhold)');

	const pack = JSON.parse(files['pack.json']!) as Record<string, unknown>;
	const broken = zip({
		'pack.json': JSON.stringify({ ...pack, version: '2022.7', title: undefined }),
		'facts.json': '{ "themes": '
	});
	await input.setInputFiles({ name: 'feil.zip', mimeType: 'application/zip', buffer: broken });
	await page.getByRole('button', { name: 'Last opp og importer' }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Pakken ble ikke importert, og ingenting er lagret.');
	await expect(alert).toContainText('pack.json: title:');
	await expect(alert).toContainText('facts.json: (file):');
	await expect(page.getByRole('cell', { name: '2022.7' })).toHaveCount(0);
	await checkA11y(page);
	await screenshots(page, 'admin-content');
});
