import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshDatabase } from '../helpers/database';
import { startServer, type TestServer } from '../helpers/server';
import { connect, request, type TestSocket } from '../helpers/socket';
import { listedConferences, type ListedConference } from '../helpers/conferences';
import { joinAsParticipant, signIn } from '../helpers/http';
import { controlOf } from '../helpers/staff';
import type { PhoneSnapshot, PollInfo } from '../../src/lib/realtime/events';

const postgresUrl = inject('postgresUrl');
const redisUrl = inject('redisUrl');
const PER_ADDRESS = 50;

/** Limits count in fixed 10 s windows: start each burst at the beginning of a new one. */
async function startOfWindow() {
	await new Promise((r) => setTimeout(r, 10_000 - (Date.now() % 10_000) + 50));
}

const scale = (value: number) => ({ kind: 'scale', value });

describe('rate limits on phone writes', () => {
	const servers: TestServer[] = [];
	const sockets: TestSocket[] = [];
	let conference: ListedConference;
	let pollId: string;

	const phone = async (server: TestServer) => {
		const cookie = await joinAsParticipant(server.url, conference.joinCode, { table: '2' });
		const socket = await connect(server.url, cookie);
		sockets.push(socket);
		const hello = await request<PhoneSnapshot>(socket, 'phone:hello', {});
		if (!hello.ok) {
			throw new Error(hello.error.message);
		}
		return socket;
	};

	/** A database of its own: other files change demo conferences (verified mode, locks). */
	let ownDatabase: { url: string; drop: () => Promise<void> } | null = null;

	beforeAll(async () => {
		// With Redis, two nodes: the limits are shared, so changing node does not reset them.
		const nodes = postgresUrl && redisUrl ? 2 : 1;
		ownDatabase = postgresUrl ? await freshDatabase(postgresUrl, 'abuse') : null;
		for (let i = 0; i < nodes; i++) {
			servers.push(
				await startServer({
					databaseUrl: ownDatabase?.url,
					redisUrl: nodes > 1 ? redisUrl : null,
					env: { RATE_LIMIT_PER_ADDRESS: String(PER_ADDRESS) }
				})
			);
		}
		conference = (await listedConferences(servers[0]!.url))[5]!;
		const staff = await connect(servers[0]!.url, await signIn(servers[0]!.url));
		sockets.push(staff);
		const polls: PollInfo[] = await (
			await controlOf(staff, conference.id)
		).question('ks-spor-1', 'open');
		pollId = polls.find((p) => p.ballotId === 'ks1-fordeling')!.id;
	});
	afterAll(async () => {
		sockets.forEach((s) => s.disconnect());
		await Promise.all(servers.map((s) => s.stop()));
		await ownDatabase?.drop();
	});

	it('stops one phone after 30 votes in 10 s with a clear message, and keeps its last stored vote', async () => {
		const socket = await phone(servers[0]!);
		await startOfWindow();
		const answers = [];
		for (let i = 0; i < 36; i++) {
			answers.push(await request(socket, 'vote:cast', { pollId, value: scale((i % 5) + 1) }));
		}
		expect(answers.slice(0, 30).every((a) => a.ok)).toBe(true);
		for (const refused of answers.slice(30)) {
			expect(refused).toMatchObject({
				ok: false,
				error: { code: 'rate_limited', message: expect.stringMatching(/Vent litt/) }
			});
		}
		const back = await request<PhoneSnapshot>(socket, 'phone:hello', {});
		// The 30th vote (i = 29) was the last one stored; the refused ones changed nothing.
		expect(back.ok && back.data.votes[pollId]).toEqual(scale((29 % 5) + 1));
	});

	it('limits writes per address across every node', async () => {
		const phones = await Promise.all(
			Array.from({ length: 4 }, (_, i) => phone(servers[i % servers.length]!))
		);
		await startOfWindow();
		let accepted = 0;
		let limited = 0;
		// 4 phones × 20 votes: each phone stays under its own limit, the address does not.
		for (let i = 0; i < 80; i++) {
			const answer = await request(phones[i % 4]!, 'vote:cast', { pollId, value: scale(3) });
			if (answer.ok) {
				accepted++;
			} else if (answer.error.code === 'rate_limited') {
				limited++;
			}
		}
		expect(accepted).toBe(PER_ADDRESS);
		expect(limited).toBe(80 - PER_ADDRESS);
	});
});
