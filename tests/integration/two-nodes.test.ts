import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { connect, nextEvent, request, type TestSocket } from '../helpers/socket';
import { listedConferences } from '../helpers/conferences';
import { joinAsParticipant, signIn } from '../helpers/http';
import type { ConferenceCounts } from '../../src/lib/realtime/events';

const postgresUrl = inject('postgresUrl');
const redisUrl = inject('redisUrl');

describe.skipIf(!postgresUrl || !redisUrl)(
	'two nodes behind one Redis (needs DATABASE_URL and REDIS_URL)',
	() => {
		let a: TestServer;
		let b: TestServer;
		const sockets: TestSocket[] = [];

		beforeAll(async () => {
			[a, b] = await Promise.all([
				startServer({ databaseUrl: postgresUrl, redisUrl }),
				startServer({ databaseUrl: postgresUrl, redisUrl })
			]);
		});
		afterAll(async () => {
			sockets.forEach((s) => s.disconnect());
			await Promise.all([a?.stop(), b?.stop()]);
		});

		it('both report Redis reachable', async () => {
			for (const node of [a, b]) {
				expect(await (await fetch(node.url + '/readyz')).json()).toMatchObject({
					ok: true,
					redis: { configured: true, ok: true }
				});
			}
		});

		it('share one demo round between them', async () => {
			const [onA, onB] = await Promise.all([listedConferences(a.url), listedConferences(b.url)]);
			expect(onA).toHaveLength(15);
			expect(onB).toEqual(onA);
		});

		it('show phones on either node on presenter screens on both nodes, and drop one when it leaves', async () => {
			const conference = (await listedConferences(a.url))[1]!;
			const staff = await signIn(a.url);
			const presenters = await Promise.all([connect(a.url, staff), connect(b.url, staff)]);
			sockets.push(...presenters);
			let base = { joined: 0, connected: 0 };
			for (const presenter of presenters) {
				const watched = await request<{ counts: ConferenceCounts }>(presenter, 'presenter:watch', {
					conferenceId: conference.id
				});
				expect(watched.ok).toBe(true);
				if (watched.ok) {
					base = watched.data.counts;
				}
			}
			const cookies = [
				await joinAsParticipant(b.url, conference.joinCode),
				await joinAsParticipant(a.url, conference.joinCode)
			];
			const two = presenters.map((p) =>
				nextEvent<ConferenceCounts>(
					p,
					'counts:changed',
					(c) => c.connected === base.connected + 2 && c.joined === base.joined + 2
				)
			);
			const phones = await Promise.all([connect(b.url, cookies[0]), connect(a.url, cookies[1])]);
			sockets.push(...phones);
			for (const phone of phones) {
				expect(await request(phone, 'phone:hello', {})).toMatchObject({ ok: true });
			}
			await Promise.all(two);

			const one = presenters.map((p) =>
				nextEvent<ConferenceCounts>(p, 'counts:changed', (c) => c.connected === base.connected + 1)
			);
			phones[0]!.disconnect();
			await Promise.all(one);
		});
	}
);
