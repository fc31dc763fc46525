import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { connect, nextEvent, request, type TestSocket } from '../helpers/socket';
import { listedConferences } from '../helpers/conferences';
import type { PresenceCount } from '../../src/lib/realtime/events';

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

		it('show a phone on node B on presenter screens on both nodes, and drop it when it leaves', async () => {
			const conference = (await listedConferences(a.url))[1]!;
			const presenters = await Promise.all([connect(a.url), connect(b.url)]);
			sockets.push(...presenters);
			for (const presenter of presenters) {
				await request(presenter, 'presenter:watch', { conferenceId: conference.id });
			}
			const phones = await Promise.all([connect(b.url), connect(a.url)]);
			sockets.push(...phones);

			const two = presenters.map((p) =>
				nextEvent<PresenceCount>(p, 'presence:count', (c) => c.count === 2)
			);
			for (const phone of phones) {
				expect(
					await request(phone, 'conference:join', { code: conference.joinCode })
				).toMatchObject({ ok: true });
			}
			await Promise.all(two);

			const one = presenters.map((p) =>
				nextEvent<PresenceCount>(p, 'presence:count', (c) => c.count === 1)
			);
			phones[0]!.disconnect();
			await Promise.all(one);
		});
	}
);
