import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { connect, nextEvent, request, type TestSocket } from '../helpers/socket';
import { listedConferences, type ListedConference } from '../helpers/conferences';
import { joinAsParticipant, postForm, signIn } from '../helpers/http';
import type { AgendaState } from '../../src/lib/domain/agenda';
import type {
	ConferenceSnapshot,
	ControlSnapshot,
	PhoneSnapshot
} from '../../src/lib/realtime/events';

const postgresUrl = inject('postgresUrl');

describe('a conference in the room', () => {
	let server: TestServer;
	let conferences: ListedConference[];
	let staffCookie: string;
	const sockets: TestSocket[] = [];
	const open = async (cookie = '') => {
		const socket = await connect(server.url, cookie);
		sockets.push(socket);
		return socket;
	};
	const control = async (conferenceId: string) => {
		const socket = await open(staffCookie);
		const watched = await request<ConferenceSnapshot>(socket, 'control:watch', { conferenceId });
		if (!watched.ok) {
			throw new Error(watched.error.message);
		}
		return { socket, version: () => watched.data.agenda.version };
	};
	const move = (
		socket: TestSocket,
		conferenceId: string,
		action: unknown,
		expectedVersion: number
	) => request<AgendaState>(socket, 'control:agenda', { conferenceId, action, expectedVersion });

	beforeAll(async () => {
		server = await startServer({ databaseUrl: postgresUrl });
		conferences = await listedConferences(server.url);
		staffCookie = await signIn(server.url);
	});
	afterAll(async () => {
		sockets.forEach((s) => s.disconnect());
		await server?.stop();
	});

	it('brings a reconnecting phone back as the same participant, with the current state', async () => {
		const conference = conferences[2]!;
		const cookie = await joinAsParticipant(server.url, conference.joinCode, { table: '3' });
		const first = await request<PhoneSnapshot>(await open(cookie), 'phone:hello', {});
		expect(first.ok).toBe(true);

		const { socket: facilitator } = await control(conference.id);
		expect(
			await move(facilitator, conference.id, { type: 'set-stage', stage: 'table' }, 0)
		).toMatchObject({ ok: true, data: { stage: 'table', version: 1 } });

		sockets.forEach((s) => s !== facilitator && s.disconnect());
		const again = await request<PhoneSnapshot>(await open(cookie), 'phone:hello', {});
		expect(again).toMatchObject({
			ok: true,
			data: {
				participant: { id: first.ok ? first.data.participant.id : '', tableNumber: 3 },
				agenda: { stage: 'table' }
			}
		});
		// Opening the join link again goes straight back to the conference.
		const rejoin = await fetch(`${server.url}/j/${conference.joinCode}`, {
			redirect: 'manual',
			headers: { cookie }
		});
		expect(rejoin.status).toBe(303);
		expect(rejoin.headers.get('location')).toBe(`/c/${conference.id}`);
	});

	it('sends an agenda change to every phone of that conference and to no other', async () => {
		const [here, elsewhere] = [conferences[3]!, conferences[4]!];
		const phoneHere = await open(await joinAsParticipant(server.url, here.joinCode));
		const phoneElsewhere = await open(await joinAsParticipant(server.url, elsewhere.joinCode));
		await request(phoneHere, 'phone:hello', {});
		await request(phoneElsewhere, 'phone:hello', {});
		let leaked = false;
		phoneElsewhere.on('agenda:changed', () => (leaked = true));

		const { socket: facilitator } = await control(here.id);
		const seen = nextEvent<{ agenda: AgendaState }>(phoneHere, 'agenda:changed');
		await move(
			facilitator,
			here.id,
			{ type: 'show', item: { type: 'section', sectionId: 'forord' } },
			0
		);
		expect((await seen).agenda.item).toEqual({ type: 'section', sectionId: 'forord' });
		await new Promise((r) => setTimeout(r, 300));
		expect(leaked).toBe(false);
	});

	it('refuses a stale agenda click instead of applying it twice', async () => {
		const conference = conferences[5]!;
		const a = await control(conference.id);
		const b = await control(conference.id);
		const [first, second] = await Promise.all([
			move(a.socket, conference.id, { type: 'set-stage', stage: 'individual' }, a.version()),
			move(b.socket, conference.id, { type: 'set-stage', stage: 'plenary' }, b.version())
		]);
		const outcomes = [first, second].map((r) => (r.ok ? 'ok' : r.error.code)).sort();
		expect(outcomes).toEqual(['ok', 'stale_version']);
		const now = await request<ConferenceSnapshot>(a.socket, 'control:watch', {
			conferenceId: conference.id
		});
		expect(now.ok && now.data.agenda.version).toBe(1);
	});

	it('refuses new participants once joining is locked, with a clear message', async () => {
		const conference = conferences[6]!;
		const { socket } = await control(conference.id);
		expect(await move(socket, conference.id, { type: 'lock' }, 0)).toMatchObject({ ok: true });
		const response = await postForm(server.url, `/j/${conference.joinCode}`, {
			municipality: 'annet',
			role: 'folkevalgt',
			table: ''
		});
		expect(response.status).toBe(423);
		expect(await response.text()).toContain('Konferansen er stengt for nye deltakere.');
		const page = await fetch(`${server.url}/j/${conference.joinCode}`);
		expect(page.status).toBe(423);
	});

	it('refuses a bad join form with a clear message and stores nothing', async () => {
		const conference = conferences[7]!;
		const { socket } = await control(conference.id);
		const bad = [
			{ municipality: 'annet', role: '', table: '' },
			{ municipality: 'annet', role: 'konge', table: '' },
			{ municipality: '9999', role: 'folkevalgt', table: '' },
			{ municipality: 'annet', role: 'folkevalgt', table: '0' },
			{ municipality: 'annet', role: 'folkevalgt', table: 'tre' },
			{ municipality: '', role: 'folkevalgt', table: '' }
		];
		for (const fields of bad) {
			const response = await postForm(server.url, `/j/${conference.joinCode}`, fields);
			expect(response.status, JSON.stringify(fields)).toBe(400);
		}
		const snapshot = await request<ControlSnapshot>(socket, 'control:watch', {
			conferenceId: conference.id
		});
		expect(snapshot.ok && snapshot.data.counts.joined).toBe(0);
	});

	it('lets each kind of user do only their own socket actions', async () => {
		const [mine, other] = [conferences[8]!, conferences[9]!];
		const actors = {
			anonymous: '',
			participant: await joinAsParticipant(server.url, mine.joinCode),
			'participant elsewhere': await joinAsParticipant(server.url, other.joinCode),
			admin: staffCookie
		};
		const actions = {
			'phone:hello': (s: TestSocket) => request(s, 'phone:hello', {}),
			'presenter:watch': (s: TestSocket) =>
				request(s, 'presenter:watch', { conferenceId: mine.id }),
			'control:watch': (s: TestSocket) => request(s, 'control:watch', { conferenceId: mine.id }),
			'control:agenda': (s: TestSocket) =>
				request(s, 'control:agenda', {
					conferenceId: mine.id,
					action: { type: 'lock' },
					expectedVersion: 99
				})
		};
		const outcome: Record<string, Record<string, string>> = {};
		for (const [actor, cookie] of Object.entries(actors)) {
			const socket = await open(cookie);
			outcome[actor] = {};
			for (const [name, act] of Object.entries(actions)) {
				const result = await act(socket);
				outcome[actor][name] = result.ok ? 'ok' : result.error.code;
			}
		}
		expect(outcome).toEqual({
			anonymous: {
				'phone:hello': 'unauthenticated',
				'presenter:watch': 'unauthenticated',
				'control:watch': 'unauthenticated',
				'control:agenda': 'unauthenticated'
			},
			participant: {
				'phone:hello': 'ok',
				'presenter:watch': 'unauthenticated',
				'control:watch': 'unauthenticated',
				'control:agenda': 'unauthenticated'
			},
			'participant elsewhere': {
				'phone:hello': 'ok',
				'presenter:watch': 'unauthenticated',
				'control:watch': 'unauthenticated',
				'control:agenda': 'unauthenticated'
			},
			admin: {
				'phone:hello': 'unauthenticated',
				'presenter:watch': 'ok',
				'control:watch': 'ok',
				// Allowed, but the version is stale: refused without a change.
				'control:agenda': 'stale_version'
			}
		});
	});
});
