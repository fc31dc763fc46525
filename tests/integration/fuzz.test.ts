import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { connect, request, type TestSocket } from '../helpers/socket';
import { listedConferences, type ListedConference } from '../helpers/conferences';
import { joinAsParticipant, postForm, signIn } from '../helpers/http';
import { controlOf } from '../helpers/staff';
import type { ControlSnapshot } from '../../src/lib/realtime/events';
import { PhoneHelloInput } from '../../src/lib/realtime/schemas';

const postgresUrl = inject('postgresUrl');

/** A small seeded PRNG, so a failure can be replayed. */
function mulberry32(seed: number) {
	return () => {
		seed |= 0;
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const EVENTS = [
	'phone:hello',
	'presenter:watch',
	'control:watch',
	'control:agenda',
	'control:question',
	'control:moderate',
	'control:compare',
	'control:compare-hide',
	'vote:cast',
	'text:upvote',
	'no:such-event',
	'__proto__',
	'constructor'
];

function junk(rng: () => number, depth = 0): unknown {
	const pick = Math.floor(rng() * 12);
	const text = (n: number) =>
		Array.from({ length: n }, () => String.fromCharCode(rng() * 0xffff)).join('');
	switch (pick) {
		case 0:
			return null;
		case 1:
			return rng() * 1e12 - 5e11;
		case 2:
			return text(Math.floor(rng() * 40));
		case 3:
			return 'x'.repeat(Math.floor(rng() * 30_000));
		case 4:
			return true;
		case 5:
			return depth > 3 ? {} : [junk(rng, depth + 1), junk(rng, depth + 1)];
		case 6:
			return { conferenceId: junk(rng, depth + 1), pollId: junk(rng, depth + 1) };
		case 7:
			return { __proto__: { polluted: true }, constructor: { prototype: { x: 1 } } };
		case 8:
			return { conferenceId: '00000000-0000-0000-0000-000000000000', action: junk(rng, depth + 1) };
		case 9:
			return { pollId: 'not-a-uuid', value: junk(rng, depth + 1) };
		case 10:
			return {
				conferenceId: 'ffffffff-ffff-ffff-ffff-ffffffffffff',
				questionId: text(200),
				action: 'open'
			};
		default:
			return depth > 3 ? 1 : { nested: junk(rng, depth + 1), extra: text(5) };
	}
}

describe('bad input: thousands of malformed socket events and HTTP requests', () => {
	let server: TestServer;
	let conference: ListedConference;
	let staffCookie: string;
	const sockets: TestSocket[] = [];

	beforeAll(async () => {
		server = await startServer({ databaseUrl: postgresUrl });
		conference = (await listedConferences(server.url))[0]!;
		staffCookie = await signIn(server.url);
	});
	afterAll(async () => {
		sockets.forEach((s) => s.disconnect());
		await server?.stop();
	});

	const state = async () => {
		const watcher = await connect(server.url, staffCookie);
		sockets.push(watcher);
		const snapshot = await request<ControlSnapshot>(watcher, 'control:watch', {
			conferenceId: conference.id
		});
		if (!snapshot.ok) {
			throw new Error(snapshot.error.message);
		}
		const { agenda, counts, polls, tallies } = snapshot.data;
		return { agenda, joined: counts.joined, polls, voters: tallies.map((t) => t.tally.voters) };
	};

	it('answers every malformed socket event with an error and changes nothing', async () => {
		const facilitator = await controlOf(await connect(server.url, staffCookie), conference.id);
		await facilitator.question('ks-spor-1', 'open');
		const before = await state();
		const actors = [
			await connect(server.url),
			await connect(server.url, await joinAsParticipant(server.url, conference.joinCode)),
			await connect(server.url, staffCookie)
		];
		sockets.push(...actors);
		const after = await state();
		const rng = mulberry32(20261123);
		let answered = 0;
		for (let i = 0; i < 3000; i++) {
			const socket = actors[i % actors.length]!;
			const event = EVENTS[Math.floor(rng() * EVENTS.length)]!;
			const payload = junk(rng);
			if (event === 'phone:hello' && PhoneHelloInput.safeParse(payload ?? {}).success) {
				continue; // a well-formed hello is answered, and changes nothing either
			}
			const answer = await request(socket, event, payload, 10_000);
			expect(answer.ok, `${event} ${JSON.stringify(payload)?.slice(0, 200)}`).toBe(false);
			if (!answer.ok) {
				expect(answer.error.code).toMatch(/^[a-z_]+$/);
				expect(answer.error.message.length).toBeGreaterThan(0);
				expect(answer.error.code).not.toBe('internal');
			}
			answered++;
		}
		expect(answered).toBeGreaterThan(2000);
		expect(actors.every((s) => s.connected)).toBe(true);
		// One participant joined for the test; nothing else moved.
		expect(await state()).toEqual({ ...before, joined: before.joined + 1 });
		expect(after.joined).toBe(before.joined + 1);
		expect((await fetch(server.url + '/healthz')).status).toBe(200);
	});

	it('answers malformed HTTP requests with 4xx, never 5xx, and stores nothing', async () => {
		const before = await state();
		const rng = mulberry32(7);
		const paths = [
			'/',
			'/j/' + conference.joinCode,
			'/j/XXXXXX',
			'/login',
			'/c/' + conference.id,
			'/readyz',
			'/admin',
			'/skjema/x',
			'/%ff',
			'/j/%00'
		];
		for (let i = 0; i < 400; i++) {
			const path = paths[Math.floor(rng() * paths.length)]!;
			const fields: Record<string, string> = {};
			for (const key of [
				'municipality',
				'role',
				'table',
				'email',
				'password',
				'personalCode',
				String(junk(rng)).slice(0, 20)
			]) {
				if (rng() < 0.7) {
					fields[key] = String(junk(rng)).slice(0, 5000);
				}
			}
			const response = await postForm(server.url, path, fields);
			expect(response.status, `POST ${path} ${JSON.stringify(fields).slice(0, 200)}`).toBeLessThan(
				500
			);
			await response.arrayBuffer();
		}
		const after = await state();
		expect(after.joined).toBe(before.joined);
		expect((await fetch(server.url + '/healthz')).status).toBe(200);
	});
});
