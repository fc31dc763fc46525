import pg from 'pg';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { connect, nextEvent, request, type TestSocket } from '../helpers/socket';
import { listedConferences } from '../helpers/conferences';
import { joinAsParticipant, signIn } from '../helpers/http';
import { controlOf } from '../helpers/staff';
import { startProxy } from '../helpers/proxy';
import { freshDatabase } from '../helpers/database';
import type { AgendaState } from '../../src/lib/domain/agenda';
import type { PhoneSnapshot, PollInfo } from '../../src/lib/realtime/events';

const postgresUrl = inject('postgresUrl');
const redisUrl = inject('redisUrl');
const scale = (value: number) => ({ kind: 'scale', value });

describe.skipIf(!postgresUrl || !redisUrl)(
	'faults: nodes and services fail and return (needs DATABASE_URL and REDIS_URL)',
	() => {
		const cleanup: (() => unknown)[] = [];
		afterEach(async () => {
			for (const step of cleanup.splice(0).reverse()) {
				await step();
			}
		});
		const server = async (options: Parameters<typeof startServer>[0]) => {
			const node = await startServer(options);
			cleanup.push(() => node.stop());
			return node;
		};
		const socket = async (url: string, cookie = '') => {
			const s = await connect(url, cookie);
			cleanup.push(() => s.disconnect());
			return s;
		};
		const proxy = async (url: string) => {
			const u = new URL(url);
			const p = await startProxy({ host: u.hostname, port: Number(u.port) });
			cleanup.push(() => p.close());
			return p;
		};
		const openScale = async (node: TestServer, conferenceId: string) => {
			const staff = await signIn(node.url);
			const facilitator = await controlOf(await socket(node.url, staff), conferenceId);
			const polls: PollInfo[] = await facilitator.question('ks-spor-1', 'open');
			return { facilitator, staff, poll: polls.find((p) => p.ballotId === 'ks1-fordeling')! };
		};
		const storedVotes = async (pollId: string) => {
			const client = new pg.Client({ connectionString: postgresUrl! });
			await client.connect();
			const { rows } = await client.query('select value from votes where poll_id = $1', [pollId]);
			await client.end();
			return rows.map((r) => r.value);
		};

		it('keeps every acknowledged vote when a node restarts mid-poll; phones reconnect', async () => {
			const first = await server({ databaseUrl: postgresUrl, redisUrl });
			const conference = (await listedConferences(first.url))[11]!;
			const { poll } = await openScale(first, conference.id);
			const cookies = await Promise.all(
				[1, 2, 3].map(() => joinAsParticipant(first.url, conference.joinCode))
			);
			// Real phones: they reconnect by themselves.
			const phones = cookies.map((cookie) =>
				io(first.url, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } })
			);
			cleanup.push(() => phones.forEach((p) => p.disconnect()));
			for (const [i, phone] of phones.entries()) {
				if (!phone.connected) {
					await new Promise((r) => phone.once('connect', () => r(undefined)));
				}
				expect(
					await request(phone, 'vote:cast', { pollId: poll.id, value: scale(i + 1) })
				).toMatchObject({ ok: true });
			}
			first.process.kill('SIGKILL');
			await new Promise((r) => first.process.once('exit', r));
			const again = await server({
				databaseUrl: postgresUrl,
				redisUrl,
				env: { PORT: String(first.port) }
			});
			for (const phone of phones) {
				if (!phone.connected) {
					await new Promise((r) => phone.once('connect', () => r(undefined)));
				}
				const hello = await request<PhoneSnapshot>(phone, 'phone:hello', {});
				expect(hello.ok && hello.data.votes[poll.id]).toBeTruthy();
			}
			expect((await storedVotes(poll.id)).map((v) => v.value).sort()).toEqual([1, 2, 3]);
			expect(again.port).toBe(first.port);
		});

		it('keeps serving while Redis is away and catches presenter screens up when it is back', async () => {
			const redis = await proxy(redisUrl!);
			const [a, b] = await Promise.all([
				server({ databaseUrl: postgresUrl, redisUrl: redis.url(redisUrl!) }),
				server({ databaseUrl: postgresUrl, redisUrl: redis.url(redisUrl!) })
			]);
			const conference = (await listedConferences(a.url))[12]!;
			const { poll, staff } = await openScale(a, conference.id);
			const presenter = await socket(a.url, staff);
			await request(presenter, 'presenter:watch', { conferenceId: conference.id });
			const phones: TestSocket[] = [];
			for (let i = 0; i < 4; i++) {
				phones.push(await socket(b.url, await joinAsParticipant(b.url, conference.joinCode)));
			}

			await redis.cut();
			for (const phone of phones) {
				// Votes are stored in PostgreSQL: they are acknowledged whatever Redis does.
				expect(
					await request(phone, 'vote:cast', { pollId: poll.id, value: scale(3) })
				).toMatchObject({ ok: true });
			}
			expect((await fetch(b.url + '/healthz')).status).toBe(200);
			const back = nextEvent<{ voters: number }>(
				presenter,
				'poll:progress',
				(p) => p.voters === 5,
				15_000
			);
			await redis.restore();
			// One more vote after Redis is back must reach the presenter on the other node.
			const late = await socket(b.url, await joinAsParticipant(b.url, conference.joinCode));
			await new Promise((r) => setTimeout(r, 1500));
			expect(await request(late, 'vote:cast', { pollId: poll.id, value: scale(4) })).toMatchObject({
				ok: true
			});
			expect((await back).voters).toBe(5);
		});

		it('refuses votes with "try again" while PostgreSQL is away, and resumes by itself', async () => {
			const database = await proxy(postgresUrl!);
			const node = await server({ databaseUrl: database.url(postgresUrl!) });
			const conference = (await listedConferences(node.url))[13]!;
			const { poll } = await openScale(node, conference.id);
			const phone = await socket(node.url, await joinAsParticipant(node.url, conference.joinCode));

			await database.cut();
			const refused = await request(
				phone,
				'vote:cast',
				{ pollId: poll.id, value: scale(2) },
				15_000
			);
			expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
			expect((await fetch(node.url + '/readyz')).status).toBe(503);

			await database.restore();
			let answer = refused;
			for (let i = 0; i < 20 && !answer.ok; i++) {
				await new Promise((r) => setTimeout(r, 250));
				answer = await request(phone, 'vote:cast', { pollId: poll.id, value: scale(2) }, 15_000);
			}
			expect(answer).toMatchObject({ ok: true });
			expect(await storedVotes(poll.id)).toEqual([scale(2)]);
		});

		it('acknowledges votes while every shared database connection waits on a lock', async () => {
			const node = await server({ databaseUrl: postgresUrl });
			const conference = (await listedConferences(node.url))[12]!;
			const facilitator = await controlOf(
				await socket(node.url, await signIn(node.url)),
				conference.id
			);
			const polls = await facilitator.question('ks-spor-5', 'open');
			const poll = polls.find((p) => p.ballotId === 'ks5-innspill')!;
			const phone = await socket(node.url, await joinAsParticipant(node.url, conference.joinCode));

			// Another session holds the conference's row: ten joins into it then wait inside their
			// transactions, holding all ten of the node's pooled connections.
			const blocker = new pg.Client({ connectionString: postgresUrl! });
			await blocker.connect();
			cleanup.push(() => blocker.end());
			await blocker.query('begin');
			await blocker.query('select id from conferences where id = $1 for update', [conference.id]);
			const joins = Array.from({ length: 10 }, () =>
				joinAsParticipant(node.url, conference.joinCode)
			);
			// Not the blocker: inside its transaction, pg_stat_activity stays as it first read it.
			const observer = new pg.Client({ connectionString: postgresUrl! });
			await observer.connect();
			cleanup.push(() => observer.end());
			const blocked = async () => {
				const { rows } = await observer.query(
					// Waiters queue behind each other as well as behind the lock's holder.
					"select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'"
				);
				return rows[0].n as number;
			};
			for (let tries = 0; (await blocked()) < 10; tries++) {
				expect(tries).toBeLessThan(200);
				await new Promise((r) => setTimeout(r, 50));
			}

			const text = 'Stemmen kommer fram selv om alt annet venter.';
			expect(
				await request(phone, 'vote:cast', { pollId: poll.id, value: { kind: 'text', text } })
			).toMatchObject({ ok: true });
			// The shared connections were all still waiting when the vote was acknowledged.
			expect(await blocked()).toBeGreaterThanOrEqual(10);
			await blocker.query('commit');
			expect(await Promise.all(joins)).toHaveLength(10);
			expect(await storedVotes(poll.id)).toEqual([{ kind: 'text', text }]);
		});

		it('brings a phone that was away back to the current state with one snapshot', async () => {
			const node = await server({ databaseUrl: postgresUrl });
			const conference = (await listedConferences(node.url))[14]!;
			const cookie = await joinAsParticipant(node.url, conference.joinCode);
			const phone = await socket(node.url, cookie);
			await request(phone, 'phone:hello', {});
			const { facilitator, poll } = await openScale(node, conference.id);
			await request(phone, 'vote:cast', { pollId: poll.id, value: scale(5) });
			phone.disconnect();

			// While the phone is away: the agenda moves on and the question is revealed.
			const control = await socket(node.url, await signIn(node.url));
			const watched = await request<{ agenda: AgendaState }>(control, 'control:watch', {
				conferenceId: conference.id
			});
			const version = watched.ok ? watched.data.agenda.version : 0;
			await request(control, 'control:agenda', {
				conferenceId: conference.id,
				action: { type: 'set-stage', stage: 'plenary' },
				expectedVersion: version
			});
			await facilitator.question('ks-spor-1', 'reveal');

			const back = await request<PhoneSnapshot>(await socket(node.url, cookie), 'phone:hello', {});
			expect(back.ok).toBe(true);
			if (back.ok) {
				expect(back.data.agenda.stage).toBe('plenary');
				expect(back.data.votes[poll.id]).toEqual(scale(5));
				expect(back.data.polls.find((p) => p.id === poll.id)?.status).toBe('revealed');
				expect(back.data.results.map((r) => r.pollId)).toContain(poll.id);
			}
		});

		it('lets a facilitator action whose audit entry fails change nothing; the retry tells every phone', async () => {
			// A database of its own: the trigger below and the phone joined stay out of other tests.
			const database = await freshDatabase(postgresUrl!, 'audit');
			cleanup.push(() => database.drop());
			const node = await server({ databaseUrl: database.url });
			const conference = (await listedConferences(node.url))[7]!;
			const control = await socket(node.url, await signIn(node.url));
			await controlOf(control, conference.id);
			const phone = await socket(node.url, await joinAsParticipant(node.url, conference.joinCode));
			const hello = await request<PhoneSnapshot>(phone, 'phone:hello', {});
			if (!hello.ok) {
				throw new Error(hello.error.message);
			}
			const { version } = hello.data.agenda;
			const act = (questionId: string, action: 'open' | 'close') =>
				request<PollInfo[]>(control, 'control:question', {
					conferenceId: conference.id,
					questionId,
					action
				});
			const move = (expectedVersion: number) =>
				request<AgendaState>(control, 'control:agenda', {
					conferenceId: conference.id,
					action: { type: 'set-stage', stage: 'plenary' },
					expectedVersion
				});

			// The audit log refuses every entry, as a full disk or a lost lock would.
			const admin = new pg.Client({ connectionString: database.url });
			await admin.connect();
			const allowAudit = async () => {
				await admin.query('drop trigger if exists droft_test_no_audit on audit_log');
				await admin.query('drop function if exists droft_test_no_audit()');
			};
			cleanup.push(async () => {
				await allowAudit();
				await admin.end();
			});
			await admin.query(
				"create function droft_test_no_audit() returns trigger language plpgsql as $$ begin raise exception 'audit log unavailable'; end $$"
			);
			await admin.query(
				'create trigger droft_test_no_audit before insert on audit_log for each row execute function droft_test_no_audit()'
			);
			expect(await act('ks-spor-2', 'open')).toMatchObject({ ok: false });
			expect(await move(version)).toMatchObject({ ok: false });
			// Nothing changed without its audit entry.
			const unchanged = await request<PhoneSnapshot>(phone, 'phone:hello', {});
			expect(unchanged.ok && unchanged.data.polls.some((p) => p.questionId === 'ks-spor-2')).toBe(
				false
			);
			expect(unchanged.ok && unchanged.data.agenda.version).toBe(version);

			await allowAudit();
			const told = nextEvent<{ polls: PollInfo[] }>(phone, 'polls:changed');
			const staged = nextEvent<{ agenda: AgendaState }>(phone, 'agenda:changed');
			expect(await act('ks-spor-2', 'open')).toMatchObject({ ok: true });
			expect(await move(version)).toMatchObject({ ok: true });
			expect((await told).polls.map((p) => p.status)).toContain('open');
			expect((await staged).agenda.stage).toBe('plenary');
		});
	}
);
