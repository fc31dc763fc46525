import type { Locator, Page } from '@playwright/test';
import {
	test,
	expect,
	demoConferences,
	focusIndicator,
	signInAsStaff,
	showQuestion,
	tabTo
} from './fixtures';

/**
 * A participant with a keyboard alone (Tab, Shift+Tab, arrows, Space, Enter, typing): no clicks
 * and no `fill` on the phone. The facilitator's side uses the mouse to move the conference on.
 */

/**
 * Contrast between the focused element's outline and what lies under the ring (sampled just
 * left of the element): a focus ring needs 3:1 to be seen (WCAG 1.4.11).
 */
function focusRingContrast(page: Page) {
	return page.evaluate(() => {
		const el = document.activeElement;
		if (!el) {
			return 0;
		}
		const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
		const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
			const [R, G, B] = [r, g, b].map((v) => {
				const c = v / 255;
				return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
			});
			return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
		};
		const style = getComputedStyle(el);
		const box = el.getBoundingClientRect();
		const x = box.left - parseFloat(style.outlineOffset) - parseFloat(style.outlineWidth) / 2;
		let around = 'rgb(255, 255, 255)';
		for (const node of document.elementsFromPoint(Math.max(x, 0), box.top + box.height / 2)) {
			const background = getComputedStyle(node).backgroundColor;
			if (!el.contains(node) && rgb(background)[3] !== 0 && background !== 'transparent') {
				around = background;
				break;
			}
		}
		const [a, b] = [luminance(rgb(style.outlineColor)), luminance(rgb(around))];
		return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
	});
}

/** Tabs to `target` and checks that the focus shows on it, clearly enough. */
async function focusWithKeyboard(page: Page, target: Locator, options?: { back?: boolean }) {
	await tabTo(page, target, options);
	expect(await focusIndicator(page), `no visible focus on ${target.toString()}`).not.toBeNull();
	expect(await focusRingContrast(page), `faint focus on ${target.toString()}`).toBeGreaterThan(3);
}

test('joining, drawing a card and answering «KS spør» with the keyboard alone', async ({
	browser,
	page,
	checkA11y
}) => {
	test.setTimeout(120_000);
	const conference = (await demoConferences(page))[1]!;
	const conferenceId = conference.presenterPath.split('/')[2]!;
	const context = await browser.newContext({
		viewport: { width: 360, height: 740 },
		locale: 'nb-NO'
	});
	const phone = await context.newPage();
	const { keyboard } = phone;

	// The front page: the first Tab reaches the skip link, and it shows.
	await phone.goto('/');
	await keyboard.press('Tab');
	await expect(phone.getByRole('link', { name: 'Hopp til innhold' })).toBeFocused();
	expect(await focusIndicator(phone)).not.toBeNull();
	expect(await focusRingContrast(phone)).toBeGreaterThan(3);
	// The language picker sits on the dark header: its focus must show there too.
	await focusWithKeyboard(phone, phone.getByLabel('Språk'));
	await focusWithKeyboard(phone, phone.getByLabel('Kode fra storskjermen'));
	await keyboard.type(conference.code.toLowerCase());
	await keyboard.press('Enter');

	// The join form: municipality (filter, then arrows), role (Space), table (typed), Enter.
	await expect(phone).toHaveURL(new RegExp(`/j/${conference.code}$`));
	const municipality = phone.getByLabel('Kommune', { exact: true });
	await focusWithKeyboard(phone, municipality);
	await keyboard.press('ArrowDown');
	await expect(municipality).not.toHaveValue('');
	const chosen = await municipality.inputValue();
	const role = phone.getByRole('radio', { name: 'Administrasjon' });
	await focusWithKeyboard(phone, phone.getByRole('radio', { name: 'Folkevalgt' }));
	await keyboard.press('ArrowDown');
	await expect(role).toBeChecked();
	await expect(role).toBeFocused();
	expect(await focusIndicator(phone)).not.toBeNull();
	await focusWithKeyboard(phone, phone.getByLabel('Bordnummer'));
	await keyboard.type('3');
	// Back up to check the choice survived moving on, then send with Enter from the table field.
	await focusWithKeyboard(phone, municipality, { back: true });
	await expect(municipality).toHaveValue(chosen);
	await focusWithKeyboard(phone, phone.getByLabel('Bordnummer'));
	await keyboard.press('Enter');
	await expect(phone).toHaveURL(new RegExp(`/c/${conferenceId}$`));
	await expect(phone.getByText('Bord 3', { exact: true })).toBeVisible();

	// The facilitator starts the table discussion; the phone draws a card with the keyboard.
	await signInAsStaff(page, `/c/${conferenceId}/control`);
	await page.getByRole('button', { name: 'Gruppe', exact: true }).click();
	const draw = phone.getByRole('button', { name: 'Trekk kort' });
	await expect(draw).toBeVisible();
	await focusWithKeyboard(phone, draw);
	await keyboard.press('Enter');
	await expect(phone.getByTestId('card')).toBeVisible();
	await expect(phone.getByTestId('card')).toContainText(/Kort \d+/);
	// The same button now marks the card discussed, and keeps the focus.
	await expect(phone.getByRole('button', { name: 'Ferdig drøftet' })).toBeFocused();
	// A point for the table, typed and added with Enter.
	await focusWithKeyboard(phone, phone.getByLabel('Nytt punkt'));
	await keyboard.type('Bredere rekruttering');
	await focusWithKeyboard(phone, phone.getByRole('button', { name: 'Legg til punkt' }));
	await keyboard.press('Enter');
	await expect(
		phone.getByTestId('note-text').filter({ hasText: 'Bredere rekruttering' })
	).toHaveCount(1);

	// «KS spør 1»: a slider between two poles, then open text.
	await showQuestion(page, 1);
	const scale = phone.getByRole('form', { name: 'Sentralt eller lokalt?' });
	await expect(scale).toBeVisible();
	await focusWithKeyboard(phone, scale.getByRole('slider'), { back: true });
	await keyboard.press('ArrowRight');
	await expect(scale.locator('output')).toContainText('Du har valgt 4');
	await focusWithKeyboard(phone, scale.getByRole('button', { name: 'Send svar' }));
	await keyboard.press('Enter');
	await expect(scale.getByRole('status').last()).toHaveText(/Svaret ditt er lagret/);
	await expect(scale.getByRole('button', { name: 'Endre svaret' })).toBeVisible();

	const text = phone.getByRole('form', { name: 'Begrunn gjerne svaret' });
	await focusWithKeyboard(phone, text.getByRole('textbox'));
	await keyboard.type('Lokale behov varierer mellom kommunene.');
	await expect(text.getByText('39 av 1000 tegn')).toBeVisible();
	await focusWithKeyboard(phone, text.getByRole('button', { name: 'Send svar' }));
	await keyboard.press('Space');
	await expect(text.getByRole('status').last()).toHaveText(/Svaret ditt er lagret/);

	// The scale's step buttons are an alternative to the slider, also by keyboard.
	const buttons = scale.locator('summary', { hasText: 'Velg med knapper i stedet' });
	await focusWithKeyboard(phone, buttons, { back: true });
	await keyboard.press('Enter');
	await expect(scale.getByRole('radio').first()).toBeVisible();

	await checkA11y(phone);
	await context.close();
});

test('a ranking ballot is answered with buttons, without dragging', async ({
	browser,
	page,
	checkA11y
}) => {
	test.setTimeout(90_000);
	const conference = (await demoConferences(page))[6]!;
	const conferenceId = conference.presenterPath.split('/')[2]!;
	await signInAsStaff(page, `/c/${conferenceId}/control`);
	await showQuestion(page, 3);

	const context = await browser.newContext({
		viewport: { width: 360, height: 740 },
		locale: 'nb-NO'
	});
	const phone = await context.newPage();
	const { keyboard } = phone;
	await phone.goto(`/j/${conference.code}`);
	const municipality = phone.getByLabel('Kommune', { exact: true });
	await focusWithKeyboard(phone, municipality);
	await keyboard.press('ArrowDown');
	await focusWithKeyboard(phone, phone.getByRole('radio', { name: 'Folkevalgt' }));
	await keyboard.press('Space');
	await focusWithKeyboard(phone, phone.getByRole('button', { name: 'Bli med' }));
	await keyboard.press('Enter');

	const ranking = phone.getByRole('form', { name: 'Hvilke områder bør prioriteres?' });
	await expect(ranking).toBeVisible();
	// Nothing in the ballot is draggable: every move is a button.
	await expect(ranking.locator('[draggable="true"]')).toHaveCount(0);
	const add = ranking.getByRole('button', { name: /^Legg til: / });
	const options = await add.count();
	expect(options).toBeGreaterThan(2);
	const hint = await ranking.locator('.hint').first().innerText();
	const count = Number(/(\d+)/.exec(hint)?.[1] ?? options);

	// Add with Enter: the focus moves on to the next option each time.
	await focusWithKeyboard(phone, add.first());
	const first = (await add.first().getAttribute('aria-label'))!.replace('Legg til: ', '');
	for (let i = 0; i < Math.min(count, 3); i++) {
		await keyboard.press('Enter');
	}
	const ranked = ranking.getByRole('list', { name: /Din rangering/ }).getByRole('listitem');
	await expect(ranked).toHaveCount(Math.min(count, 3));
	await expect(ranked.first()).toContainText(first);

	// Move the first option down one place with its own button.
	await focusWithKeyboard(phone, ranking.getByRole('button', { name: `Flytt ned: ${first}` }), {
		back: true
	});
	await keyboard.press('Enter');
	await expect(ranking.getByRole('status').first()).toHaveText(`«${first}» er nå nummer 2.`);
	await expect(ranked.nth(1)).toContainText(first);
	expect(await focusIndicator(phone)).not.toBeNull();

	// Fill the rest of the ranking if the ballot asks for more, then send.
	for (let i = 3; i < count; i++) {
		await focusWithKeyboard(phone, add.first());
		await keyboard.press('Enter');
	}
	await focusWithKeyboard(phone, ranking.getByRole('button', { name: 'Send svar' }));
	await keyboard.press('Enter');
	await expect(ranking.getByRole('status').last()).toHaveText(/Svaret ditt er lagret/);

	await checkA11y(phone);
	await context.close();
});
