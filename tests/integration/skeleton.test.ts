import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { connect, nextEvent, request, type TestSocket } from '../helpers/socket';
import { listedConferences, type ListedConference } from '../helpers/conferences';
import type { PresenceCount } from '../../src/lib/realtime/events';

const postgresUrl = inject('postgresUrl');
const backends = [
	{ name: 'PGlite (embedded)', databaseUrl: null },
	...(postgresUrl ? [{ name: 'PostgreSQL', databaseUrl: postgresUrl }] : [])
];

describe.each(backends)('one node on $name', ({ databaseUrl }) => {
	let server: TestServer;
	let conferences: ListedConference[];
	const sockets: TestSocket[] = [];
	const open = async () => {
		const socket = await connect(server.url);
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

	it('counts a phone on the presenter screen while it is connected', async () => {
		const conference = conferences[0]!;
		const presenter = await open();
		const watched = await request<{ presence: PresenceCount }>(presenter, 'presenter:watch', {
			conferenceId: conference.id
		});
		expect(watched).toMatchObject({ ok: true, data: { presence: { count: 0 } } });

		const phone = await open();
		const counted = nextEvent<PresenceCount>(presenter, 'presence:count', (p) => p.count === 1);
		const joined = await request(phone, 'conference:join', {
			code: conference.joinCode.toLowerCase()
		});
		expect(joined).toMatchObject({ ok: true, data: { conference: { id: conference.id } } });
		await counted;

		const uncounted = nextEvent<PresenceCount>(presenter, 'presence:count', (p) => p.count === 0);
		phone.disconnect();
		await uncounted;
	});

	it('refuses an unknown join code with a clear error and keeps running', async () => {
		const phone = await open();
		const answer = await request(phone, 'conference:join', { code: 'XXXXXX' });
		expect(answer).toEqual({
			ok: false,
			error: { code: 'unknown_code', message: 'Vi fant ingen konferanse med den koden.' }
		});
		expect((await fetch(server.url + '/healthz')).status).toBe(200);
	});

	it('answers malformed and unknown socket events with an error', async () => {
		const phone = await open();
		for (const payload of [
			null,
			42,
			'AC3D4E',
			{},
			{ code: 7 },
			{ code: 'x'.repeat(500) },
			{ code: 'AC3D4E', extra: 1 }
		]) {
			const answer = await request(phone, 'conference:join', payload);
			expect(answer.ok, JSON.stringify(payload)).toBe(false);
			if (!answer.ok) {
				expect(answer.error.code).toBe('bad_request');
			}
		}
		expect(await request(phone, 'presenter:watch', { conferenceId: 'not-a-uuid' })).toMatchObject({
			ok: false,
			error: { code: 'bad_request' }
		});
		expect(await request(phone, 'no:such-event', {})).toMatchObject({
			ok: false,
			error: { code: 'bad_request' }
		});
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
