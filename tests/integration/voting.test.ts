import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { connect, nextEvent, request, type TestSocket } from '../helpers/socket';
import { listedConferences, type ListedConference } from '../helpers/conferences';
import { joinAsParticipant, signIn } from '../helpers/http';
import { controlOf } from '../helpers/staff';
import type { PhoneSnapshot, PollInfo, PollResults } from '../../src/lib/realtime/events';

const postgresUrl = inject('postgresUrl');

describe('voting in one conference', () => {
	let server: TestServer;
	let conferences: ListedConference[];
	let staffCookie: string;
	const sockets: TestSocket[] = [];
	const open = async (cookie = '') => {
		const socket = await connect(server.url, cookie);
		sockets.push(socket);
		return socket;
	};
	const phone = async (code: string) => {
		const socket = await open(await joinAsParticipant(server.url, code, { table: '1' }));
		const hello = await request<PhoneSnapshot>(socket, 'phone:hello', {});
		if (!hello.ok) {
			throw new Error(hello.error.message);
		}
		return socket;
	};
	const pollOf = (polls: PollInfo[], ballotId: string) =>
		polls.find((p) => p.ballotId === ballotId)!;
	/** Two phones in the conference, and «KS spør» 2 opened: its profile and follow-up polls. */
	const twoPhonesOnQuestion2 = async (conference: ListedConference) => {
		const [redistributor, generalist] = await Promise.all([
			phone(conference.joinCode),
			phone(conference.joinCode)
		]);
		const facilitator = await controlOf(await open(staffCookie), conference.id);
		const polls = await facilitator.question('ks-spor-2', 'open');
		return {
			redistributor,
			generalist,
			profile: pollOf(polls, 'ks2-profil'),
			groups: pollOf(polls, 'ks2-grupper')
		};
	};

	beforeAll(async () => {
		server = await startServer({ databaseUrl: postgresUrl });
		conferences = await listedConferences(server.url);
		staffCookie = await signIn(server.url);
	});
	afterAll(async () => {
		sockets.forEach((s) => s.disconnect());
		await server?.stop();
	});

	it('sends no result to a participant before the reveal, checked on the wire', async () => {
		const conference = conferences[0]!;
		const phones = await Promise.all([1, 2, 3, 4, 5, 6].map(() => phone(conference.joinCode)));
		const presenter = await open(staffCookie);
		await request(presenter, 'presenter:watch', { conferenceId: conference.id });
		const wire: { event: string; payload: unknown }[] = [];
		phones[0]!.onAny((event, payload) => wire.push({ event, payload }));
		const presenterWire: string[] = [];
		presenter.onAny((event) => presenterWire.push(event));

		const facilitator = await controlOf(await open(staffCookie), conference.id);
		const polls = await facilitator.question('ks-spor-2', 'open');
		const profile = pollOf(polls, 'ks2-profil');
		for (const [i, socket] of phones.entries()) {
			const value = { kind: 'single', optionId: i < 4 ? 'omfordeling' : 'generell-lonnsutvikling' };
			expect(await request(socket, 'vote:cast', { pollId: profile.id, value })).toMatchObject({
				ok: true
			});
		}
		await nextEvent(presenter, 'poll:progress', (p: { voters: number }) => p.voters === 6);
		await facilitator.question('ks-spor-2', 'close');
		await new Promise((r) => setTimeout(r, 400));

		const seen = wire.map((w) => w.event);
		expect(seen).toContain('polls:changed');
		expect(seen).not.toContain('poll:tally');
		expect(seen).not.toContain('poll:results');
		expect(JSON.stringify(wire)).not.toMatch(/"count"|"share"|"voters"/);
		expect(presenterWire).not.toContain('poll:results');
		expect(presenterWire).not.toContain('poll:tally');

		const revealed = nextEvent<PollResults>(
			phones[0]!,
			'poll:results',
			(r) => r.pollId === profile.id
		);
		await facilitator.question('ks-spor-2', 'reveal');
		const results = await revealed;
		expect(results.result).toMatchObject({
			suppressed: false,
			voters: 6,
			options: [
				{ optionId: 'generell-lonnsutvikling', count: 2 },
				{ optionId: 'omfordeling', count: 4 }
			]
		});
	});

	it('refuses a vote on a closed poll, and an invalid vote, changing nothing', async () => {
		const conference = conferences[1]!;
		const socket = await phone(conference.joinCode);
		const facilitator = await controlOf(await open(staffCookie), conference.id);
		const scale = pollOf(await facilitator.question('ks-spor-1', 'open'), 'ks1-fordeling');

		expect(
			await request(socket, 'vote:cast', { pollId: scale.id, value: { kind: 'scale', value: 9 } })
		).toMatchObject({ ok: false, error: { code: 'invalid_vote' } });
		expect(
			await request(socket, 'vote:cast', {
				pollId: scale.id,
				value: { kind: 'single', optionId: 'x' }
			})
		).toMatchObject({ ok: false, error: { code: 'invalid_vote' } });
		expect(
			await request(socket, 'vote:cast', { pollId: scale.id, value: { kind: 'scale', value: 2 } })
		).toMatchObject({ ok: true });

		await facilitator.question('ks-spor-1', 'close');
		expect(
			await request(socket, 'vote:cast', { pollId: scale.id, value: { kind: 'scale', value: 5 } })
		).toEqual({ ok: false, error: { code: 'poll_closed', message: 'Avstemningen er lukket.' } });

		const again = await request<PhoneSnapshot>(socket, 'phone:hello', {});
		expect(again.ok && again.data.votes[scale.id]).toEqual({ kind: 'scale', value: 2 });
		// The reconnect snapshot has the conference, its agenda and the poll as it is now.
		expect(again.ok && again.data.conference).toMatchObject({ id: conference.id, status: 'live' });
		expect(again.ok && again.data.agenda).toMatchObject({ version: expect.any(Number) });
		expect(again.ok && again.data.polls.find((p) => p.id === scale.id)).toEqual({
			...scale,
			status: 'closed'
		});
	});

	it('gives each phone its own conference when phones of many conferences say hello at once', async () => {
		// Not in the order they are stored, so that each answer must be matched to its conference.
		const chosen = conferences.slice(1, 5).reverse();
		const cookies = await Promise.all(
			chosen.flatMap((c) => [c, c]).map((c) => joinAsParticipant(server.url, c.joinCode))
		);
		const phones = await Promise.all(cookies.map((cookie) => open(cookie)));
		const hellos = await Promise.all(
			phones.map((socket) => request<PhoneSnapshot>(socket, 'phone:hello', {}))
		);
		expect(hellos.map((h) => h.ok && h.data.conference.id)).toEqual(
			chosen.flatMap((c) => [c.id, c.id])
		);
		expect(hellos.map((h) => h.ok && h.data.conference.joinCode)).toEqual(
			chosen.flatMap((c) => [c.joinCode, c.joinCode])
		);
	});

	it('shows a reconnecting phone its own stored vote, changed while open', async () => {
		const conference = conferences[2]!;
		const cookie = await joinAsParticipant(server.url, conference.joinCode);
		const first = await open(cookie);
		await request(first, 'phone:hello', {});
		const facilitator = await controlOf(await open(staffCookie), conference.id);
		const ranking = pollOf(await facilitator.question('ks-spor-3', 'open'), 'ks3-prioritering');
		const vote = (order: string[]) =>
			request(first, 'vote:cast', {
				pollId: ranking.id,
				value: { kind: 'ranking', ranking: order }
			});
		expect(await vote(['mer-heltid', 'digitale-losninger', 'lavere-sykefravaer'])).toMatchObject({
			ok: true
		});
		expect(await vote(['digitale-losninger', 'mer-heltid', 'lavere-sykefravaer'])).toMatchObject({
			ok: true
		});
		expect(await vote(['mer-heltid', 'mer-heltid', 'lavere-sykefravaer'])).toMatchObject({
			ok: false,
			error: { code: 'invalid_vote' }
		});
		first.disconnect();

		const back = await request<PhoneSnapshot>(await open(cookie), 'phone:hello', {});
		expect(back.ok && back.data.votes[ranking.id]).toEqual({
			kind: 'ranking',
			ranking: ['digitale-losninger', 'mer-heltid', 'lavere-sykefravaer']
		});
	});

	it('lets only those who chose redistribution answer the follow-up', async () => {
		const conference = conferences[3]!;
		const { redistributor, generalist, profile, groups } = await twoPhonesOnQuestion2(conference);
		await request(redistributor, 'vote:cast', {
			pollId: profile.id,
			value: { kind: 'single', optionId: 'omfordeling' }
		});
		await request(generalist, 'vote:cast', {
			pollId: profile.id,
			value: { kind: 'single', optionId: 'generell-lonnsutvikling' }
		});
		const value = { kind: 'multiple', optionIds: ['sykepleiere', 'laerere'] };
		expect(await request(redistributor, 'vote:cast', { pollId: groups.id, value })).toMatchObject({
			ok: true
		});
		expect(await request(generalist, 'vote:cast', { pollId: groups.id, value })).toMatchObject({
			ok: false,
			error: { code: 'forbidden' }
		});
	});

	it('stores votes sent all at once as if one by one: the last counts, a bad one alone is refused', async () => {
		// Not conferences[6]: on PostgreSQL every test file shares one database, and the
		// conference tests lock that one's joining.
		const conference = conferences[3]!;
		const { redistributor, generalist, profile, groups } = await twoPhonesOnQuestion2(conference);
		const single = (optionId: string) => ({
			pollId: profile.id,
			value: { kind: 'single', optionId }
		});
		const followUp = { pollId: groups.id, value: { kind: 'multiple', optionIds: ['laerere'] } };

		// Nothing awaited in between: these reach the server together and are written together.
		const answers = await Promise.all([
			request(redistributor, 'vote:cast', single('generell-lonnsutvikling')),
			request(redistributor, 'vote:cast', single('no-such-option')),
			request(redistributor, 'vote:cast', single('omfordeling')),
			request(redistributor, 'vote:cast', followUp),
			request(generalist, 'vote:cast', single('omfordeling')),
			request(generalist, 'vote:cast', single('generell-lonnsutvikling')),
			request(generalist, 'vote:cast', followUp)
		]);
		expect(answers.map((a) => (a.ok ? 'ok' : a.error.code))).toEqual([
			'ok',
			'invalid_vote',
			'ok',
			'ok', // its trigger came just before, in the same write
			'ok',
			'ok',
			'forbidden' // it changed its answer away from the trigger just before
		]);

		const stored = async (socket: TestSocket) => {
			const hello = await request<PhoneSnapshot>(socket, 'phone:hello', {});
			return hello.ok ? hello.data.votes : {};
		};
		expect(await stored(redistributor)).toEqual({
			[profile.id]: { kind: 'single', optionId: 'omfordeling' },
			[groups.id]: { kind: 'multiple', optionIds: ['laerere'] }
		});
		expect(await stored(generalist)).toEqual({
			[profile.id]: { kind: 'single', optionId: 'generell-lonnsutvikling' }
		});
	});

	it('acknowledges only votes that are stored when the poll closes while phones are voting', async () => {
		// Its «KS spør» 1 is closed above; «KS spør» 4 is free in this file.
		const conference = conferences[1]!;
		const phones = await Promise.all(Array.from({ length: 8 }, () => phone(conference.joinCode)));
		const facilitator = await controlOf(await open(staffCookie), conference.id);
		const theme = pollOf(await facilitator.question('ks-spor-4', 'open'), 'ks4-tema');
		const options = ['tillitsbasert-styring-og-ledelse', 'tillitsbasert-rammestyring'];
		const acked = phones.map(() => [] as string[]);
		let refused = 0;
		// Each phone votes again as soon as it has its answer, until the poll is closed; at most
		// 25 votes each (the limit per participant is 30 in 10 s).
		const voting = phones.map(async (socket, i) => {
			for (let n = 0; n < 25; n++) {
				const optionId = options[(i + n) % options.length]!;
				const answer = await request(socket, 'vote:cast', {
					pollId: theme.id,
					value: { kind: 'points', points: { [optionId]: 10 } }
				});
				if (!answer.ok) {
					expect(answer.error.code).toBe('poll_closed');
					refused++;
					return;
				}
				acked[i]!.push(optionId);
			}
		});
		await vi.waitUntil(() => acked.every((a) => a.length >= 3), { timeout: 10_000 });
		await facilitator.question('ks-spor-4', 'close');
		await Promise.all(voting);

		expect(refused).toBe(phones.length);
		for (const [i, socket] of phones.entries()) {
			const hello = await request<PhoneSnapshot>(socket, 'phone:hello', {});
			expect(hello.ok && hello.data.votes[theme.id]).toEqual({
				kind: 'points',
				points: { [acked[i]!.at(-1)!]: 10 }
			});
		}
	});

	it("tells the presenter each open poll's own count when its polls are voted on at once", async () => {
		// conference.test watches this conference's agenda only: its polls are free.
		const conference = conferences[4]!;
		const presenter = await open(staffCookie);
		await request(presenter, 'presenter:watch', { conferenceId: conference.id });
		const phones = await Promise.all([1, 2, 3].map(() => phone(conference.joinCode)));
		const facilitator = await controlOf(await open(staffCookie), conference.id);
		const polls = await facilitator.question('ks-spor-5', 'open');
		const [themes, input] = [pollOf(polls, 'ks5-tema'), pollOf(polls, 'ks5-innspill')];
		const progress = new Map<string, number>();
		presenter.on('poll:progress', (p: { pollId: string; voters: number }) =>
			progress.set(p.pollId, p.voters)
		);
		const points = { kind: 'points', points: { 'tillitsbasert-rammestyring': 10 } };
		const answers = await Promise.all([
			...phones.map((p) => request(p, 'vote:cast', { pollId: themes.id, value: points })),
			request(phones[0]!, 'vote:cast', {
				pollId: input.id,
				value: { kind: 'text', text: 'Mindre rapportering.' }
			})
		]);
		expect(answers.every((a) => a.ok)).toBe(true);
		await nextEvent(
			presenter,
			'poll:progress',
			() => progress.get(themes.id) === 3 && progress.get(input.id) === 1
		);
		expect(Object.fromEntries(progress)).toEqual({ [themes.id]: 3, [input.id]: 1 });
	});

	it('lets a participant do no facilitator action', async () => {
		const conference = conferences[4]!;
		const socket = await phone(conference.joinCode);
		for (const [event, payload] of [
			[
				'control:question',
				{ conferenceId: conference.id, questionId: 'ks-spor-1', action: 'open' }
			],
			[
				'control:moderate',
				{
					conferenceId: conference.id,
					pollId: conference.id,
					answerId: conference.id,
					hidden: true
				}
			],
			['control:watch', { conferenceId: conference.id }]
		] as const) {
			const answer = await request(socket, event, payload);
			expect(answer.ok, event).toBe(false);
		}
	});
});
