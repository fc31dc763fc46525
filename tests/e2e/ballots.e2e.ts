import type { Locator, Page } from '@playwright/test';
import { test, expect, screenshots } from './fixtures';

/** Presses Tab until `target` has the focus; fails if it never does. */
async function tabTo(page: Page, target: Locator, max = 40) {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement)) {
			return;
		}
		await page.keyboard.press('Tab');
	}
	throw new Error(`Tab never reached ${target.toString()}`);
}

/** Tabs to the form's submit button, presses it with `key`, and waits for the saved message. */
async function send(page: Page, form: Locator, key: 'Enter' | 'Space' = 'Enter') {
	await tabTo(page, form.getByRole('button', { name: /Send svar|Endre svaret/ }));
	await page.keyboard.press(key);
	await expect(form.getByRole('status').last()).toHaveText(/Svaret ditt er lagret/);
	await expect(form.getByRole('button', { name: 'Endre svaret' })).toBeVisible();
}

const form = (page: Page, title: string) => page.getByRole('form', { name: title }).first();

/** Opens a preview page and waits until it has hydrated (its controls work). */
async function open(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('[data-hydrated]')).toBeAttached();
}

test.describe('ballots, answered with the keyboard alone', () => {
	test.beforeEach(async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 780 });
		await open(page, '/preview/ballots');
	});

	test('a slider between two poles, and open text', async ({ page }) => {
		const scale = form(page, 'Sentralt eller lokalt?');
		await expect(scale.getByText('Ikke valgt ennå')).toBeVisible();
		await scale.getByRole('slider').focus();
		await page.keyboard.press('ArrowRight');
		await expect(scale.locator('output')).toHaveText('Du har valgt 4');
		await send(page, scale);

		const text = form(page, 'Begrunn gjerne svaret');
		await tabTo(page, text.getByRole('textbox'));
		await page.keyboard.type('Lokale behov varierer.');
		await expect(text.getByText('22 av 1000 tegn')).toBeVisible();
		await send(page, text, 'Space');
	});

	test('single choice opens its follow-ups; multiple choice explains its limits', async ({
		page
	}) => {
		const single = form(page, 'Hvis rammen fordeles sentralt');
		await expect(page.getByRole('form', { name: 'I så fall hvilke?' })).toHaveCount(0);
		await single.getByRole('radio').first().focus();
		await page.keyboard.press('ArrowDown');
		await expect(single.getByRole('radio', { name: /En omfordeling/ })).toBeChecked();
		await send(page, single);

		const multiple = form(page, 'I så fall hvilke?');
		await expect(multiple).toBeVisible();
		await expect(multiple.getByText('Velg minst 1 og høyst 7.')).toBeVisible();
		await tabTo(page, multiple.getByRole('button', { name: 'Send svar' }));
		await page.keyboard.press('Enter');
		await expect(multiple.getByRole('alert')).toHaveText('Velg minst ett alternativ.');

		await multiple.getByRole('checkbox').first().focus();
		await page.keyboard.press('Space');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Space');
		await expect(multiple.getByRole('checkbox', { name: /Sykepleiere/ })).toBeChecked();
		await expect(multiple.getByRole('alert')).toHaveText('');
		await send(page, multiple);
	});

	test('ranking with the add and move buttons', async ({ page }) => {
		const ranking = form(page, 'Hvilke områder bør prioriteres?');
		await expect(ranking.getByText('Ranger de 3 viktigste.')).toBeVisible();
		await ranking.getByRole('button', { name: 'Legg til: Mer heltid' }).focus();
		// Focus moves on to the next option after each add.
		await page.keyboard.press('Enter');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Enter');
		await expect(ranking.getByText('Din rangering (3 av 3)')).toBeVisible();
		await expect(ranking.getByRole('button', { name: /^Legg til/ }).first()).toBeDisabled();

		// After the third add, focus is on that option's "move up": move it to second place.
		await expect(
			ranking.getByRole('button', { name: 'Flytt opp: Redusert utenforskap' })
		).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(ranking.getByRole('status').first()).toHaveText(
			'«Redusert utenforskap» er nå nummer 2.'
		);
		const ranked = ranking.getByRole('list', { name: /Din rangering/ }).getByRole('listitem');
		await expect(ranked).toHaveText([/Mer heltid/, /Redusert utenforskap/, /Lavere sykefravær/]);
		await send(page, ranking);
	});

	test('points with the stepper and the number field, within the budget', async ({ page }) => {
		const points = form(page, 'Hva vil dere selv ha mest oppmerksomhet på?');
		await expect(points.getByText('10 av 10 poeng igjen')).toBeVisible();
		await points
			.getByRole('button', { name: 'Ett poeng mer til: Tillitsbasert styring og ledelse' })
			.focus();
		await page.keyboard.press('Enter');
		await page.keyboard.press('Enter');
		await page.keyboard.press('Space');
		await expect(points.getByText('7 av 10 poeng igjen')).toBeVisible();

		// More than is left is cut to what is left.
		await tabTo(page, points.getByLabel('Tillitsreform i skolen'));
		await page.keyboard.type('20');
		await page.keyboard.press('Tab');
		await expect(points.getByLabel('Tillitsreform i skolen')).toHaveValue('7');
		await expect(points.getByText('0 av 10 poeng igjen')).toBeVisible();
		await expect(
			points.getByRole('button', { name: 'Ett poeng mer til: Balanse mellom tillit og kontroll' })
		).toHaveAttribute('aria-disabled', 'true');
		await send(page, points);
	});

	test('a labelled scale, a capped points ballot and a table answer', async ({ page }) => {
		const scale = form(page, 'Heltid bør være hovedregelen');
		await scale.getByRole('radio', { name: '1 – Helt uenig' }).focus();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await expect(scale.getByRole('radio', { name: '4 – Litt enig' })).toBeChecked();
		await send(page, scale);

		const capped = form(page, 'Fordel poeng på tiltakene');
		const more = capped.getByRole('button', { name: 'Ett poeng mer til: Kompetanseheving' });
		await more.focus();
		for (let i = 0; i < 5; i++) {
			await page.keyboard.press('Enter');
		}
		await expect(capped.getByLabel('Kompetanseheving')).toHaveValue('3');
		await expect(more).toBeFocused();
		await send(page, capped);

		const table = form(page, 'Bordets svar: hva er det viktigste tiltaket?');
		await tabTo(page, table.getByRole('textbox'));
		await page.keyboard.type('Hele stillinger i alle nye utlysninger.');
		await send(page, table);
	});

	test('the page passes axe while answering; a closed ballot shows the stored answer', async ({
		page,
		checkA11y
	}) => {
		const closed = page.getByRole('form', { name: 'Sentralt eller lokalt?' }).last();
		await expect(closed.getByText('Avstemningen er lukket')).toBeVisible();
		await expect(closed.getByRole('slider')).toBeDisabled();
		await expect(closed.locator('output')).toHaveText('Du har valgt 2');
		await expect(closed.getByRole('button', { name: /Send svar|Endre svaret/ })).toHaveCount(0);

		// Check the states a voter passes through, not only the empty forms.
		const ranking = form(page, 'Hvilke områder bør prioriteres?');
		await ranking.getByRole('button', { name: 'Legg til: Mer heltid' }).click();
		await ranking.getByRole('button', { name: 'Legg til: Lavere sykefravær' }).click();
		const points = form(page, 'Hva vil dere selv ha mest oppmerksomhet på?');
		await points.getByRole('button', { name: /^Ett poeng mer til: Tillitsreform/ }).click();
		const single = form(page, 'Hvis rammen fordeles sentralt');
		await single.getByRole('radio', { name: /En omfordeling/ }).check();
		await single.getByRole('button', { name: 'Send svar' }).click();
		await expect(single.getByText('Svaret ditt er lagret')).toBeVisible();
		const multiple = form(page, 'I så fall hvilke?');
		await multiple.getByRole('button', { name: 'Send svar' }).click();
		await expect(multiple.getByRole('alert')).not.toHaveText('');

		await checkA11y(page);
		await screenshots(page, 'ballots');
		await expect.poll(() => overflowing(page, 320)).toEqual([]);
	});
});

/** Elements that stick out to the right of a `width` px wide window (WCAG reflow). */
async function overflowing(page: Page, width: number) {
	await page.setViewportSize({ width, height: 700 });
	return page.evaluate(() => {
		const edge = document.documentElement.clientWidth + 1;
		return [...document.querySelectorAll('main *')]
			.filter((el) => el.getBoundingClientRect().right > edge)
			.map((el) => `${el.tagName}.${el.className}`);
	});
}

test('results on a phone and the facilitator controls', async ({ page, checkA11y }) => {
	await page.setViewportSize({ width: 360, height: 780 });
	await open(page, '/preview/ballots/results');
	const suppressed = page.getByRole('region', { name: 'Hvis rammen fordeles sentralt' }).first();
	await expect(suppressed).toContainText('3 har svart');
	await expect(suppressed).toContainText('For få svar til å vise resultat');
	await expect(suppressed).not.toContainText('%');
	await expect(page.getByText('23 har svart').first()).toBeVisible();

	const ranking = page.getByRole('region', { name: 'Hvilke områder bør prioriteres?' }).first();
	await expect(ranking.getByRole('listitem').first()).toContainText('1. plass');
	await expect(ranking.getByRole('listitem').first()).toContainText('førstevalg');

	const star = page.getByRole('button', { name: /^Gi stjerne til: Lokale behov/ }).first();
	await star.click();
	await expect(
		page.getByRole('button', { name: /^Du har gitt stjerne til: Lokale behov/ }).first()
	).toBeVisible();

	const control = page.getByRole('region', { name: 'KS spør 1' });
	await expect(control.getByTestId('question-status')).toHaveText('Status: Åpen');
	await expect(control.getByTestId('poll-progress').first()).toHaveText('23 av 31 har svart');
	await control.getByRole('button', { name: 'Lukk' }).click();
	await expect(control.getByTestId('question-status')).toHaveText('Status: Lukket');
	await expect(control.getByRole('button', { name: 'Lukk' })).toHaveAttribute(
		'aria-disabled',
		'true'
	);
	await expect(control.getByRole('button', { name: /^Skjul: / }).first()).toBeVisible();
	await expect(control.getByRole('button', { name: /^Vis: Dette svaret er skjult/ })).toBeVisible();

	await checkA11y(page);
	await screenshots(page, 'results');
	await expect.poll(() => overflowing(page, 320)).toEqual([]);
});

test('results on the projector', async ({ page, checkA11y }) => {
	await page.setViewportSize({ width: 1920, height: 1080 });
	await open(page, '/preview/results');
	await expect(page.getByRole('heading', { name: 'Sentralt eller lokalt?' })).toBeVisible();
	await expect(page.getByText(/Gjennomsnitt \d/).first()).toBeVisible();
	await checkA11y(page);
	await screenshots(page, 'results-projector');
});
