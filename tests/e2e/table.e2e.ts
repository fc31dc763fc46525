import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page, WebSocketRoute } from '@playwright/test';
import { test, expect, demoConferences, joinPhone, screenshots, signInAsStaff } from './fixtures';

const TABLE = '7';

const joinAtTable = (
	browser: Browser,
	code: string,
	prepare?: (context: BrowserContext) => Promise<void>
) => joinPhone(browser, code, TABLE, prepare);

/** The card on the table as one phone shows it (number, theme and question). */
const cardOn = (phone: Page) => phone.getByTestId('card');

test('three phones at one table see the same card, draw together and keep everyone’s notes', async ({
	browser,
	page,
	checkA11y
}) => {
	test.setTimeout(120_000);
	const conference = (await demoConferences(page))[5]!;
	const phones = [
		await joinAtTable(browser, conference.code),
		await joinAtTable(browser, conference.code),
		await joinAtTable(browser, conference.code)
	];

	// The facilitator starts the table discussion: every phone shows the table's deck.
	await signInAsStaff(page, '/admin');
	await page.goto(conference.presenterPath.replace(/presenter$/, 'control'));
	await page.getByRole('button', { name: 'Gruppe', exact: true }).click();
	for (const phone of phones) {
		await expect(phone.getByRole('button', { name: 'Trekk kort' })).toBeVisible();
	}

	// One phone draws: all three show the same card, and say so to a screen reader.
	await phones[0]!.getByRole('button', { name: 'Trekk kort' }).click();
	await expect(cardOn(phones[0]!)).toBeVisible();
	const first = await cardOn(phones[0]!).innerText();
	for (const phone of phones.slice(1)) {
		await expect(cardOn(phone)).toHaveText(first);
		await expect(phone.getByTestId('table-announcement')).toContainText('Nytt kort på bordet');
	}

	// Another marks it discussed and a third draws the next: all see the next card.
	await phones[1]!.getByRole('button', { name: 'Ferdig drøftet' }).click();
	for (const phone of phones) {
		await expect(phone.getByTestId('no-card')).toBeVisible();
	}
	await phones[2]!.getByRole('button', { name: 'Trekk kort' }).click();
	await expect(cardOn(phones[2]!)).toBeVisible();
	const second = await cardOn(phones[2]!).innerText();
	expect(second).not.toBe(first);
	for (const phone of phones) {
		await expect(cardOn(phone)).toHaveText(second);
		await expect(phone.getByTestId('deck-progress')).toHaveText('1 drøftet · 76 igjen i bunken');
	}

	// Two phones write a point at the same moment: both points survive on every phone.
	await phones[0]!.getByLabel('Nytt punkt').fill('Vi må rekruttere bredere');
	await phones[1]!.getByLabel('Nytt punkt').fill('Heltid bør være hovedregelen');
	await Promise.all([
		phones[0]!.getByRole('button', { name: 'Legg til punkt' }).click(),
		phones[1]!.getByRole('button', { name: 'Legg til punkt' }).click()
	]);
	for (const phone of phones) {
		const notes = phone.getByTestId('note-text');
		await expect(notes.filter({ hasText: 'Vi må rekruttere bredere' })).toHaveCount(1);
		await expect(notes.filter({ hasText: 'Heltid bør være hovedregelen' })).toHaveCount(1);
	}
	await expect(phones[0]!.getByLabel('Nytt punkt')).toHaveValue('');

	// A point that is too long says so and keeps the text.
	await phones[2]!.getByLabel('Nytt punkt').fill('x'.repeat(300));
	await expect(
		phones[2]!.getByText('For langt: høyst 280 tegn. Kort ned med 20 tegn.')
	).toBeVisible();
	await phones[2]!.getByRole('button', { name: 'Legg til punkt' }).click();
	await expect(phones[2]!.getByLabel('Nytt punkt')).toHaveValue('x'.repeat(300));
	await phones[2]!.getByLabel('Nytt punkt').fill('');

	// The first card is discussed: it can get a dot for the plenary.
	await phones[0]!.getByRole('button', { name: /^Gi prikk/ }).click();
	await expect(phones[1]!.getByText('Prikker: 1')).toBeVisible();
	await expect(phones[0]!.getByTestId('dots-left')).toHaveText('Du har 2 av 3 prikker igjen.');

	await checkA11y(phones[0]!);
	await screenshots(phones[0]!, 'table');
	await phones[0]!.setViewportSize({ width: 360, height: 780 });

	// The facilitator sees the table, deals one card to every table, and pins the notes.
	const row = page.getByTestId('table-summary').filter({ hasText: `Bord ${TABLE}` });
	await expect(row).toContainText('1 drøftet, 76 igjen');
	await expect(row).toContainText('Innspill: 2');
	await expect(row.getByTestId('table-picks')).toContainText('prikker: 1');
	await page.getByLabel('Kort', { exact: true }).selectOption('kort-12');
	await page.getByRole('button', { name: 'Del ut kort til alle bord' }).click();
	for (const phone of phones) {
		await expect(cardOn(phone)).toContainText('Kort 12');
	}
	await checkA11y(page);
	await screenshots(page, 'control-tables');

	await row.getByRole('button', { name: 'Vis bordets innspill på storskjermen' }).click();
	await expect(row).toContainText('Vises på storskjermen nå');
	const presenter = await page.context().newPage();
	await presenter.goto(conference.presenterPath);
	const pinned = presenter.getByTestId('pinned-notes');
	await expect(pinned).toContainText(`Innspill fra bord ${TABLE}`);
	await expect(pinned).toContainText('Vi må rekruttere bredere');
	await phones[2]!.getByLabel('Nytt punkt').fill('Lagt til mens det vises');
	await phones[2]!.getByRole('button', { name: 'Legg til punkt' }).click();
	await expect(pinned).toContainText('Lagt til mens det vises');
	await checkA11y(presenter);
	await screenshots(presenter, 'presenter-table-notes');
});

/** The built file of a lazily loaded phone screen (`scripts/phone-chunks.ts` names its chunk). */
function builtChunk(name: string): string {
	const manifest = JSON.parse(
		readFileSync('.svelte-kit/output/client/.vite/manifest.json', 'utf8')
	) as Record<string, { file: string; name?: string }>;
	const entry = Object.values(manifest).find((chunk) => chunk.name === name);
	if (!entry) {
		throw new Error(`${name} is not in the client build`);
	}
	return entry.file;
}

test('a phone that cannot fetch the table screen says so, and shows it once the line lets it through', async ({
	browser,
	page,
	checkA11y
}) => {
	test.setTimeout(90_000);
	const conference = (await demoConferences(page))[5]!;
	const deckChunk = builtChunk('phone-screen-tabledeck');
	const blocked = `**/${deckChunk}`;

	const phone = await joinAtTable(browser, conference.code, async (context) => {
		await context.route(blocked, (route) => route.abort('connectionfailed'));
	});
	await signInAsStaff(page, '/admin');
	await page.goto(conference.presenterPath.replace(/presenter$/, 'control'));
	await page.getByRole('button', { name: 'Gruppe', exact: true }).click();
	await expect(phone.getByRole('alert')).toContainText('Denne delen av siden kom ikke fram');
	const deck = phone.getByRole('region', { name: 'Kortet på bordet' });
	await expect(deck).toHaveCount(0);
	await checkA11y(phone);

	// The page tries again by itself; nobody has to reload.
	await phone.context().unroute(blocked);
	await expect(deck).toBeVisible({ timeout: 15_000 });
	await expect(phone.getByRole('alert')).toHaveCount(0);
});

/**
 * A phone whose socket.io connection the test can cut and keep cut (WebSocket and long-polling
 * alike), recording every frame the page sends over WebSocket.
 */
async function joinCuttable(browser: Browser, code: string, table: string) {
	let refused = false;
	let current: WebSocketRoute | null = null;
	const sent: string[] = [];
	const phone = await joinPhone(browser, code, table, async (context) => {
		await context.route('**/socket.io/**', (route) => (refused ? route.abort() : route.continue()));
		await context.routeWebSocket(/\/socket\.io\//, async (ws) => {
			if (refused) {
				await ws.close();
				return;
			}
			current = ws;
			const server = ws.connectToServer();
			ws.onMessage((message) => {
				sent.push(String(message));
				server.send(message);
			});
		});
	});
	return {
		phone,
		sent,
		cut: async () => {
			refused = true;
			await current?.close();
		},
		mend: () => (refused = false)
	};
}

test('a phone back from a dropped connection shows the table as it is now, asked for in one hello', async ({
	browser,
	page
}) => {
	test.setTimeout(90_000);
	// The table tests' conference, at a table of this test's own (in whatever state it is in).
	const conference = (await demoConferences(page))[5]!;
	const away = await joinCuttable(browser, conference.code, '8');
	const other = await joinPhone(browser, conference.code, '8');
	await signInAsStaff(page, '/admin');
	await page.goto(conference.presenterPath.replace(/presenter$/, 'control'));
	await page.getByRole('button', { name: 'Gruppe', exact: true }).click();
	const progress = (phone: Page) => phone.getByTestId('deck-progress');
	for (const phone of [away.phone, other]) {
		await expect(progress(phone)).toBeVisible();
	}

	// The Wi-Fi drops on one phone; meanwhile the table moves on (a draw, or a card discussed)
	// and the phone does not hear of it.
	const before = await progress(other).innerText();
	await away.cut();
	await expect(away.phone.getByText('Mistet forbindelsen')).toBeVisible();
	await other.getByRole('button', { name: /^(Trekk kort|Ferdig drøftet)$/ }).click();
	await expect(progress(other)).not.toHaveText(before);
	const now = await progress(other).innerText();
	await expect(progress(away.phone)).toHaveText(before);

	away.sent.length = 0;
	away.mend();
	await expect(progress(away.phone)).toHaveText(now, { timeout: 20_000 });
	const card = (await cardOn(other).count()) > 0 ? await cardOn(other).innerText() : null;
	if (card === null) {
		await expect(cardOn(away.phone)).toHaveCount(0);
	} else {
		await expect(cardOn(away.phone)).toHaveText(card);
	}
	await expect(away.phone.getByText('Mistet forbindelsen')).toHaveCount(0);
	// One hello brought the conference and the table: no second round trip for the table.
	expect(away.sent.filter((frame) => frame.includes('"phone:hello",{"table":true}'))).toHaveLength(
		1
	);
	expect(away.sent.filter((frame) => frame.includes('"table:hello"'))).toEqual([]);
	await Promise.all([away.phone.context().close(), other.context().close()]);
});
