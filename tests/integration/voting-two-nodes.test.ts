import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { connect, request, type TestSocket } from '../helpers/socket';
import { listedConferences } from '../helpers/conferences';
import { joinAsParticipant, signIn } from '../helpers/http';
import { controlOf } from '../helpers/staff';
import { tallyVotes } from '../../src/lib/domain/ballots';
import type { Ballot } from '../../src/lib/domain/ballots/types';
import type { ControlSnapshot } from '../../src/lib/realtime/events';

const postgresUrl = inject('postgresUrl');
const redisUrl = inject('redisUrl');
const PARTICIPANTS = 200;
const OPTIONS = [
	'tillitsbasert-styring-og-ledelse',
	'balanse-mellom-tillit-og-kontroll',
	'tillitsbasert-rammestyring',
	'tillit-i-samarbeidet-med-lokalsamfunnet',
	'tillitsreform-i-skolen'
];

describe.skipIf(!postgresUrl || !redisUrl)(
	'200 participants voting at once across two nodes (needs DATABASE_URL and REDIS_URL)',
	() => {
		let nodes: TestServer[];
		const sockets: TestSocket[] = [];

		beforeAll(async () => {
			nodes = await Promise.all([
				startServer({ databaseUrl: postgresUrl, redisUrl }),
				startServer({ databaseUrl: postgresUrl, redisUrl })
			]);
		});
		afterAll(async () => {
			sockets.forEach((s) => s.disconnect());
			await Promise.all(nodes.map((n) => n.stop()));
		});

		it('ends with exactly the tally recomputed from the database, nothing lost or doubled', async () => {
			const conference = (await listedConferences(nodes[0]!.url))[10]!;
			const staff = await signIn(nodes[0]!.url);
			const facilitator = await controlOf(await connect(nodes[1]!.url, staff), conference.id);
			// By its id: the question's two polls come in no fixed order.
			const points = (await facilitator.question('ks-spor-4', 'open')).find(
				(p) => p.ballotId === 'ks4-tema'
			);

			const phones = await Promise.all(
				Array.from({ length: PARTICIPANTS }, async (_, i) => {
					const node = nodes[i % 2]!;
					const cookie = await joinAsParticipant(node.url, conference.joinCode, {
						table: String(1 + (i % 20))
					});
					const socket = await connect(node.url, cookie);
					sockets.push(socket);
					return socket;
				})
			);
			// Each phone votes, then changes its vote, all at once; remember the last acknowledged.
			const acknowledged = new Map<number, unknown>();
			const vote = async (i: number, round: number) => {
				const first = OPTIONS[(i + round) % OPTIONS.length]!;
				const second = OPTIONS[(i + round + 2) % OPTIONS.length]!;
				const value = { kind: 'points', points: { [first]: 6 + round, [second]: 4 - round } };
				const answer = await request(
					phones[i]!,
					'vote:cast',
					{ pollId: points!.id, value },
					20_000
				);
				expect(answer.ok, JSON.stringify(answer)).toBe(true);
				acknowledged.set(i, value);
			};
			await Promise.all(phones.map((_, i) => vote(i, 0)));
			await Promise.all(phones.map((_, i) => vote(i, 1)));

			const client = new pg.Client({ connectionString: postgresUrl! });
			await client.connect();
			const { rows } = await client.query<{ value: unknown; n: string }>(
				'select value, count(*) over (partition by participant_id) as n from votes where poll_id = $1',
				[points!.id]
			);
			await client.end();
			expect(rows).toHaveLength(PARTICIPANTS);
			expect(rows.every((r) => r.n === '1')).toBe(true);
			const expected = tallyVotes(
				points!.ballot as Ballot,
				rows.map((r) => r.value)
			);
			expect(expected.voters).toBe(PARTICIPANTS);
			const fromAcks = tallyVotes(points!.ballot as Ballot, [...acknowledged.values()]);
			expect(fromAcks).toEqual(expected);

			for (const node of nodes) {
				const watcher = await connect(node.url, staff);
				sockets.push(watcher);
				const snapshot = await request<ControlSnapshot>(watcher, 'control:watch', {
					conferenceId: conference.id
				});
				const tally = snapshot.ok && snapshot.data.tallies.find((t) => t.pollId === points!.id);
				expect(tally && tally.tally).toEqual(expected);
			}
		});
	}
);
