import type { Browser } from '@playwright/test';
import { test, expect, demoConferences, screenshots, signInAsStaff } from './fixtures';

async function phoneJoins(browser: Browser, code: string) {
	const context = await browser.newContext({
		viewport: { width: 360, height: 740 },
		locale: 'nb-NO'
	});
	const phone = await context.newPage();
	await phone.goto(`/j/${code}`);
	await phone.getByLabel('Kommune', { exact: true }).selectOption('annet');
	await phone.getByLabel('Folkevalgt').check();
	await phone.getByRole('button', { name: 'Bli med' }).click();
	await expect(phone.getByText('Uten bord')).toBeVisible();
	return phone;
}

test('votes cast on phones are seen on the presenter once revealed', async ({
	browser,
	page,
	checkA11y
}) => {
	test.setTimeout(120_000);
	const conference = (await demoConferences(page))[7]!;
	const controlPath = `/c/${conference.presenterPath.split('/')[2]}/control`;
	await signInAsStaff(page, controlPath);
	const presenter = await page.context().newPage();
	await presenter.goto(conference.presenterPath);

	await page.getByRole('button', { name: 'Plenum' }).click();
	const question = page.getByRole('region', { name: 'KS spør 2' });
	await question.getByRole('button', { name: 'Åpne' }).click();
	await page.locator('summary', { hasText: /^KS spør \(/ }).click();
	await page.getByRole('button', { name: 'Vis: KS spør 2' }).click();
	await expect(presenter.getByTestId('poll-progress').first()).toBeVisible();

	const phones = [];
	for (let i = 0; i < 5; i++) {
		const phone = await phoneJoins(browser, conference.code);
		const choice = i < 3 ? /omfordeling/i : /generell/i;
		await phone.getByRole('radio', { name: choice }).first().check();
		await phone.getByRole('button', { name: 'Send svar' }).first().click();
		await expect(phone.getByText('Svaret ditt er lagret').first()).toBeVisible();
		phones.push(phone);
	}
	await checkA11y(phones[0]!);
	await screenshots(phones[0]!, 'vote-phone');
	// The question's first ballot comes first, as the booklet asks it.
	await expect(presenter.getByTestId('poll-progress').first()).toContainText(
		'Hvis rammen fordeles sentralt: 5 har svart'
	);
	// Nothing of the result reaches the big screen before the reveal.
	await expect(presenter.getByText('%')).toHaveCount(0);

	await question.getByRole('button', { name: 'Vis resultat' }).click();
	await expect(presenter.getByText(/60\s*%/).first()).toBeVisible();
	await expect(presenter.getByText(/40\s*%/).first()).toBeVisible();
	// The phones show it too, under the ballot (its chart loads only now).
	await expect(phones[0]!.getByText(/60\s*%/).first()).toBeVisible({ timeout: 15_000 });
	await checkA11y(phones[0]!);
	await screenshots(phones[0]!, 'vote-phone-results');
	await checkA11y(presenter);
	await screenshots(presenter, 'vote-presenter');
	await checkA11y(page);
	await screenshots(page, 'vote-control');

	// The next question opens: the screens still know the revealed one, whose result is shown.
	await page
		.getByRole('region', { name: 'KS spør 3' })
		.getByRole('button', { name: 'Åpne' })
		.click();
	await expect(
		page.getByRole('region', { name: 'KS spør 3' }).getByTestId('question-status')
	).toHaveText('Status: Åpen');
	await expect(question.getByTestId('question-status')).toHaveText('Status: Vist');
	await expect(presenter.getByText(/60\s*%/).first()).toBeVisible();
	await expect(phones[0]!.getByText(/60\s*%/).first()).toBeVisible();
});
