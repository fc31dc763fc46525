import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { connect, nextEvent, request, type TestSocket } from '../helpers/socket';
import { listedConferences, type ListedConference } from '../helpers/conferences';
import { joinAsParticipant, signIn } from '../helpers/http';
import type { ConferenceCounts } from '../../src/lib/realtime/events';

const postgresUrl = inject('postgresUrl');
const backends = [
	{ name: 'PGlite (embedded)', databaseUrl: null },
	...(postgresUrl ? [{ name: 'PostgreSQL', databaseUrl: postgresUrl }] : [])
];

describe.each(backends)('one node on $name', ({ databaseUrl }) => {
	let server: TestServer;
	let conferences: ListedConference[];
	const sockets: TestSocket[] = [];
	const open = async (cookie = '') => {
		const socket = await connect(server.url, cookie);
		sockets.push(socket);
		return socket;
	};

	beforeAll(async () => {
		server = await startServer({ databaseUrl });
		conferences = await listedConferences(server.url);
	});
	afterAll(async () => {
		sockets.forEach((s) => s.disconnect());
		await server?.stop();
	});

	it('seeds the demo round with one conference per county, each with a join code', () => {
		expect(conferences).toHaveLength(15);
		expect(new Set(conferences.map((c) => c.joinCode)).size).toBe(15);
		for (const conference of conferences) {
			expect(conference.joinCode).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
		}
	});

	it('answers /healthz and /readyz with JSON', async () => {
		const health = await fetch(server.url + '/healthz');
		expect(health.status).toBe(200);
		expect(await health.json()).toMatchObject({ ok: true });
		const ready = await fetch(server.url + '/readyz');
		expect(ready.status).toBe(200);
		expect(await ready.json()).toMatchObject({
			ok: true,
			database: { ok: true, kind: databaseUrl ? 'postgres' : 'pglite' },
			redis: { configured: false }
		});
	});

	it('counts a joined phone on the presenter screen, and its connection while it is open', async () => {
		const conference = conferences[0]!;
		const presenter = await open(await signIn(server.url));
		const watched = await request<{ counts: ConferenceCounts }>(presenter, 'presenter:watch', {
			conferenceId: conference.id
		});
		expect(watched.ok).toBe(true);
		// Other test files may share this database: count from what is there now.
		const base = watched.ok ? watched.data.counts : { joined: 0, connected: 0 };
		const table = 150;

		const joined = nextEvent<ConferenceCounts>(
			presenter,
			'counts:changed',
			(c) => c.connected === base.connected + 1
		);
		const cookie = await joinAsParticipant(server.url, conference.joinCode.toLowerCase(), {
			table: String(table)
		});
		const phone = await open(cookie);
		expect(await request(phone, 'phone:hello', {})).toMatchObject({
			ok: true,
			data: { conference: { id: conference.id }, participant: { tableNumber: table } }
		});
		const after = await joined;
		expect(after.joined).toBe(base.joined + 1);
		expect(after.tables.find((t) => t.number === table)).toEqual({
			number: table,
			joined: 1,
			connected: 1
		});

		const left = nextEvent<ConferenceCounts>(
			presenter,
			'counts:changed',
			(c) => c.connected === base.connected
		);
		phone.disconnect();
		expect((await left).joined).toBe(base.joined + 1);
	});

	it('tells a phone that has not joined to join with the code', async () => {
		const phone = await open();
		expect(await request(phone, 'phone:hello', {})).toMatchObject({
			ok: false,
			error: { code: 'unauthenticated' }
		});
		expect((await fetch(server.url + '/healthz')).status).toBe(200);
	});

	it('answers malformed and unknown socket events with an error', async () => {
		const phone = await open(await signIn(server.url));
		const id = conferences[0]!.id;
		for (const payload of [
			null,
			42,
			'x',
			{},
			{ conferenceId: 7 },
			{ conferenceId: 'x'.repeat(500) },
			{ conferenceId: id, extra: 1 }
		]) {
			const answer = await request(phone, 'presenter:watch', payload);
			expect(answer.ok, JSON.stringify(payload)).toBe(false);
			if (!answer.ok) {
				expect(answer.error.code).toBe('bad_request');
			}
		}
		expect(
			await request(phone, 'control:agenda', {
				conferenceId: id,
				action: { type: 'fly' },
				expectedVersion: 0
			})
		).toMatchObject({ ok: false, error: { code: 'bad_request' } });
		// Names every object has are no handlers either.
		for (const event of ['no:such-event', 'toString', 'constructor', '__proto__']) {
			expect(await request(phone, event, {}), event).toMatchObject({
				ok: false,
				error: { code: 'bad_request', message: `Ukjent hendelse: ${event}` }
			});
		}
		expect(phone.connected).toBe(true);
	});

	it('shows a 404 page for an unknown join code over HTTP', async () => {
		const response = await fetch(server.url + '/j/QQQQQQ');
		expect(response.status).toBe(404);
		expect(await response.text()).toContain('Vi fant ingen konferanse med koden QQQQQQ');
	});
});

describe('configuration and lifecycle', () => {
	it('refuses to start on bad configuration, naming the variable', async () => {
		await expect(startServer({ env: { PORT: 'eighty' } })).rejects.toThrow(
			/PORT="eighty": must be a whole number/
		);
		await expect(startServer({ env: { DATABASE_URL: 'mysql://x' } })).rejects.toThrow(
			/DATABASE_URL="mysql:\/\/x": must start with postgres/
		);
		await expect(startServer({ env: { LOG_LEVEL: 'loud' } })).rejects.toThrow(/LOG_LEVEL="loud"/);
	});

	it('writes one JSON log line per event and stops with exit code 0 on SIGTERM', async () => {
		const server = await startServer();
		const phone = await connect(server.url);
		const closed = new Promise((resolve) => phone.once('disconnect', resolve));
		const code = await server.stop();
		await closed;
		expect(code).toBe(0);
		expect(server.logs.map((l) => l.msg)).toEqual(
			expect.arrayContaining(['database ready', 'listening', 'shutting down', 'stopped'])
		);
		for (const line of server.logs) {
			expect(line).toMatchObject({ level: expect.any(String), time: expect.any(String) });
		}
	});
});
