import { joinAsParticipant } from '../helpers/http';
import { connect, request, type TestSocket } from '../helpers/socket';
import { controlOf } from '../helpers/staff';
import type { PollInfo } from '../../src/lib/realtime/events';
import {
	test,
	expect,
	demoConferences,
	screenshots,
	showQuestion,
	signInAsStaff
} from './fixtures';

const sockets: TestSocket[] = [];
test.afterAll(() => sockets.forEach((s) => s.disconnect()));

/** Phones join `code` and answer «Hvis rammen fordeles sentralt»: `choices` in order. */
async function phonesVote(baseUrl: string, code: string, polls: PollInfo[], choices: string[]) {
	const pollId = polls.find((p) => p.ballotId === 'ks2-profil')!.id;
	for (const optionId of choices) {
		const phone = await connect(baseUrl, await joinAsParticipant(baseUrl, code));
		sockets.push(phone);
		await request(phone, 'phone:hello', {});
		const answer = await request(phone, 'vote:cast', {
			pollId,
			value: { kind: 'single', optionId }
		});
		expect(answer).toMatchObject({ ok: true });
	}
}

test('the facilitator shows the county against the country on the big screen, and hides it', async ({
	page,
	baseURL,
	checkA11y
}) => {
	test.setTimeout(120_000);
	const base = baseURL!;
	// Two demo conferences no other test votes in; each is its county's only one.
	const [ours, theirs] = (await demoConferences(page)).slice(2, 4) as [
		Awaited<ReturnType<typeof demoConferences>>[number],
		Awaited<ReturnType<typeof demoConferences>>[number]
	];
	const county = ours.title.replace(/.* i /, '');
	const oursId = ours.presenterPath.split('/')[2]!;
	await signInAsStaff(page, `/c/${oursId}/control`);
	const staffCookie = (await page.context().cookies())
		.map((c) => `${c.name}=${c.value}`)
		.join('; ');

	// The other county has voted and ended its voting: 1 for redistribution, 4 against.
	const socket = await connect(base, staffCookie);
	sockets.push(socket);
	const other = await controlOf(socket, theirs.presenterPath.split('/')[2]!);
	const theirPolls = await other.question('ks-spor-2', 'open');
	await phonesVote(base, theirs.code, theirPolls, [
		'omfordeling',
		...Array<string>(4).fill('generell-lonnsutvikling')
	]);
	await other.question('ks-spor-2', 'close');

	// Our room: the question on screen, six phones vote (4 to 2), the result is shown.
	const presenter = await page.context().newPage();
	await presenter.setViewportSize({ width: 1920, height: 1080 });
	await presenter.goto(ours.presenterPath);
	await showQuestion(page, 2);
	const ourPolls = (await controlOf(socket, oursId)).snapshot.polls;
	await phonesVote(base, ours.code, ourPolls, [
		...Array<string>(4).fill('omfordeling'),
		...Array<string>(2).fill('generell-lonnsutvikling')
	]);
	const question = page.getByRole('region', { name: 'KS spør 2', exact: true });
	const poll = question.getByRole('region', { name: 'Hvis rammen fordeles sentralt' });
	// Nothing to compare before the result is shown in the room.
	await expect(poll.getByRole('button', { name: 'Vis fylket mot landet' })).toHaveCount(0);
	await question.getByRole('button', { name: 'Vis resultat' }).click();
	await expect(presenter.getByText(/67\s*%/).first()).toBeVisible();

	await poll.getByRole('button', { name: 'Vis fylket mot landet' }).click();
	const comparison = presenter.getByTestId('comparison');
	await expect(comparison).toBeVisible();
	await expect(comparison).toContainText(`${county} mot landet så langt (2 fylker med nok svar).`);
	await expect(comparison.getByRole('heading', { level: 2 })).toHaveText(
		'Hvis rammen fordeles sentralt'
	);
	// Ours: 4 of 6 and 2 of 6. The country: 5 of 11 and 6 of 11.
	await expect(comparison.getByText(/67\s*%/)).toBeVisible();
	await expect(comparison.getByText(/33\s*%/)).toBeVisible();
	await expect(comparison.getByText(/45\s*%/)).toBeVisible();
	await expect(comparison.getByText(/55\s*%/)).toBeVisible();
	await expect(comparison).toContainText('Svar: 11');
	// One thing at a time: the room's own result and the counts give way.
	await expect(presenter.getByTestId('joined-count')).toBeHidden();
	await expect(poll.getByText('Sammenligningen vises på storskjermen.')).toBeVisible();
	await checkA11y(presenter);
	await screenshots(presenter, 'compare-presenter');

	// A presenter that reloads shows it again.
	await presenter.setViewportSize({ width: 1920, height: 1080 });
	await presenter.reload();
	await expect(presenter.getByTestId('comparison')).toContainText(`${county} mot landet`);

	await poll.getByRole('button', { name: 'Skjul sammenligning' }).click();
	await expect(presenter.getByTestId('comparison')).toHaveCount(0);
	await expect(presenter.getByText(/67\s*%/).first()).toBeVisible();
	await expect(poll.getByRole('button', { name: 'Vis fylket mot landet' })).toBeVisible();
	await checkA11y(page);
	await screenshots(page, 'compare-control');
});
