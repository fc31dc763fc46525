import type { Page } from '@playwright/test';
import { test, expect, screenshots } from './fixtures';

const ADMIN = { email: 'demo@droft.no', password: 'demo-passord-123' };

async function signIn(page: Page, email: string, password: string) {
	await page.getByLabel('E-post').fill(email);
	await page.getByLabel('Passord').fill(password);
	await page.getByRole('button', { name: 'Logg inn' }).click();
}

test('an admin sets up a round and invites a facilitator, who sees only their conference', async ({
	page,
	browser,
	checkA11y
}) => {
	test.setTimeout(120_000);

	// Signing in: the admin pages send a visitor to /login and back.
	await page.goto('/admin');
	await expect(page).toHaveURL(/\/login\?next=%2Fadmin$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Logg inn' })).toBeVisible();
	await checkA11y(page);
	await screenshots(page, 'admin-login');
	await signIn(page, ADMIN.email, 'feil-passord-123');
	await expect(page.getByRole('alert')).toHaveText('Feil e-post eller passord.');
	await expect(page.getByLabel('E-post')).toHaveValue(ADMIN.email);
	await checkA11y(page);
	await signIn(page, ADMIN.email, ADMIN.password);
	await expect(page).toHaveURL(/\/admin$/);
	await expect(
		page.getByRole('heading', { level: 1, name: 'Runder og konferanser' })
	).toBeVisible();
	await expect(page.getByText('Innlogget: Demo-administrator')).toBeVisible();
	await checkA11y(page);
	await screenshots(page, 'admin-overview');

	// A new round with today's counties, one region of its own, and a conference.
	await page.getByRole('link', { name: 'Ny runde' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ny runde' })).toBeVisible();
	await checkA11y(page);
	await screenshots(page, 'admin-round-new');
	await page.getByLabel('Navn').fill('Strategikonferansene 2026');
	await page.getByRole('button', { name: 'Opprett runden' }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Strategikonferansene 2026' })
	).toBeVisible();

	await page.getByRole('button', { name: 'Bruk dagens 15 fylker' }).click();
	await expect(page.getByText('15 fylker lagt til.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Regioner (15)' })).toBeVisible();

	const addRegion = page.locator('form[action="?/addRegion"]');
	await addRegion.getByLabel('Kode').fill('VIKEN');
	await addRegion.getByLabel('Navn').fill('Viken');
	await addRegion.getByLabel('Dagens fylker i regionen').fill('31, 32, 99');
	await addRegion.getByRole('button', { name: 'Legg til region' }).click();
	await expect(addRegion.getByText('Skriv ett eller flere av dagens fylkesnummer')).toBeVisible();
	await expect(addRegion.getByLabel('Dagens fylker i regionen')).toHaveAttribute(
		'aria-invalid',
		'true'
	);
	await checkA11y(page);
	await addRegion.getByLabel('Dagens fylker i regionen').fill('31, 32, 33');
	await addRegion.getByRole('button', { name: 'Legg til region' }).click();
	await expect(page.getByText('Viken er lagt til.')).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Regioner (16)' })).toBeVisible();

	const createConference = page.locator('form[action="?/createConference"]');
	await createConference.getByLabel('Region').selectOption({ label: 'Viken' });
	await createConference.getByLabel('Tittel').fill('Strategikonferansen i Viken');
	await createConference.getByLabel('Dato').fill('2026-03-05');
	await createConference.getByLabel('Sted').fill('Lillestrøm');
	await createConference.getByRole('button', { name: 'Opprett konferansen' }).click();
	await expect(
		page.getByText('Konferansen «Strategikonferansen i Viken» er opprettet.')
	).toBeVisible();
	const row = page.getByRole('row', { name: /Strategikonferansen i Viken/ });
	await expect(row).toContainText('Lillestrøm');
	await expect(row).toContainText(/[ACDEFGHJKMNPQRTUVWXY34679]{6}/);
	await checkA11y(page);
	await screenshots(page, 'admin-round');

	// Invite a facilitator and keep the one-time link.
	await page.getByRole('link', { name: 'Brukere' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Brukere' })).toBeVisible();
	await page.getByLabel('Navn').fill('Fia Fasilitator');
	await page.getByLabel('E-post').fill('fia@ks.no');
	await page.getByRole('button', { name: 'Inviter' }).click();
	await expect(
		page.getByRole('heading', { name: 'Engangslenke for Fia Fasilitator' })
	).toBeVisible();
	const link = await page.getByLabel('Engangslenke', { exact: true }).inputValue();
	expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/passord\/[\w-]{43}$/);
	await expect(page.getByRole('row', { name: /Fia Fasilitator/ })).toContainText(
		'Har ikke valgt passord ennå'
	);
	await checkA11y(page);
	await screenshots(page, 'admin-staff');

	// Assign her to the new conference; make personal codes for verified mode.
	await page.getByRole('link', { name: 'Oversikt' }).click();
	await page.getByRole('link', { name: 'Strategikonferansen i Viken', exact: true }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: 'Strategikonferansen i Viken' })
	).toBeVisible();
	await page.getByLabel('Velg bruker').selectOption({ label: 'Fia Fasilitator (fia@ks.no)' });
	await page.getByRole('button', { name: 'Legg til som fasilitator' }).click();
	await expect(page.getByText('Fasilitatoren er lagt til.')).toBeVisible();
	await expect(
		page.getByRole('button', { name: 'Fjern Fia Fasilitator som fasilitator' })
	).toBeVisible();
	await page.getByLabel('Antall nye koder').fill('6');
	await page.getByRole('button', { name: 'Lag koder' }).click();
	await expect(page.getByText('6 nye koder er laget.')).toBeVisible();
	await checkA11y(page);
	await screenshots(page, 'admin-conference');
	await page.getByRole('link', { name: 'Skriv ut ubrukte koder' }).click();
	await expect(page.getByRole('list', { name: 'Kodelapper' }).getByRole('listitem')).toHaveCount(6);
	await checkA11y(page);
	await screenshots(page, 'admin-codes');

	// The facilitator sets her password from the link and sees only her conference.
	const context = await browser.newContext({ locale: 'nb-NO' });
	const facilitator = await context.newPage();
	await facilitator.goto(link);
	await expect(facilitator.getByRole('heading', { level: 1, name: 'Velg passord' })).toBeVisible();
	await expect(facilitator.getByText('Velkommen, Fia Fasilitator!')).toBeVisible();
	await checkA11y(facilitator);
	await screenshots(facilitator, 'admin-password');
	await facilitator.getByLabel('Nytt passord').fill('fia-sitt-gode-passord');
	await facilitator.getByLabel('Skriv passordet en gang til').fill('fia-sitt-gode-passord');
	await facilitator.getByRole('button', { name: 'Lagre passordet og logg inn' }).click();
	await expect(facilitator).toHaveURL(/\/admin$/);
	await expect(
		facilitator.getByRole('heading', { level: 1, name: 'Mine konferanser' })
	).toBeVisible();
	const rows = facilitator.getByRole('table').getByRole('row');
	await expect(rows).toHaveCount(2); // the header row and her one conference
	await expect(rows.nth(1)).toContainText('Strategikonferansen i Viken');
	await expect(facilitator.getByRole('link', { name: 'Brukere' })).toHaveCount(0);
	await checkA11y(facilitator);
	await screenshots(facilitator, 'admin-facilitator');

	// Admin pages are not hers; the link works only once.
	const forbidden = await facilitator.goto('/admin/staff');
	expect(forbidden?.status()).toBe(403);
	await expect(facilitator.getByRole('heading', { level: 1, name: 'Ingen tilgang' })).toBeVisible();
	await checkA11y(facilitator);
	const reused = await facilitator.goto(link);
	expect(reused?.status()).toBe(404);
	await expect(facilitator.getByRole('alert')).toContainText('Lenken er brukt eller utløpt.');

	await facilitator.goto('/admin');
	await facilitator.getByRole('button', { name: 'Logg ut' }).click();
	await expect(facilitator).toHaveURL(/\/login$/);
	await facilitator.goto('/admin');
	await expect(facilitator).toHaveURL(/\/login\?next=%2Fadmin$/);
	await context.close();
});
