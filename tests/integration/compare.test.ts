import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { connect, nextEvent, request, type TestSocket } from '../helpers/socket';
import { listedConferences } from '../helpers/conferences';
import { cookiesFrom, joinAsParticipant, postForm, signIn } from '../helpers/http';
import { controlOf } from '../helpers/staff';
import { rollup, type TaggedVote } from '../../src/lib/domain/rollup';
import type { Ballot } from '../../src/lib/domain/ballots/types';
import type { PublicResult } from '../../src/lib/domain/tally';
import type { PhoneSnapshot, PollInfo, PresenterSnapshot } from '../../src/lib/realtime/events';
import type { ComparisonHidden, PollComparison } from '../../src/lib/realtime/nation';

const postgresUrl = inject('postgresUrl');
const redisUrl = inject('redisUrl');
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * A round of its own (made over HTTP, so this runs on PGlite too): three counties, four
 * conferences, and scale votes of 1–5 on «KS spør 1». Vestland 2 has only two voters, Nordland
 * three; Trøndelag exactly five.
 */
const CONFERENCES = [
	{ key: 'vest1', title: 'Vestland 1', region: 'Vestland', votes: [1, 2, 3, 4, 5, 5] },
	{ key: 'vest2', title: 'Vestland 2', region: 'Vestland', votes: [1, 1] },
	{ key: 'trond', title: 'Trøndelag', region: 'Trøndelag', votes: [2, 3, 3, 4, 4] },
	{ key: 'nord', title: 'Nordland', region: 'Nordland', votes: [5, 5, 4] }
] as const;
type Key = (typeof CONFERENCES)[number]['key'];
const REGIONS = [
	{ code: '46', name: 'Vestland' },
	{ code: '50', name: 'Trøndelag' },
	{ code: '18', name: 'Nordland' }
];

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const votesOf = (...keys: Key[]) =>
	keys.flatMap((key) => CONFERENCES.find((c) => c.key === key)!.votes as readonly number[]);

// With PostgreSQL and Redis: two nodes, facilitator on one, presenter and phones on the other.
describe(`county vs nation on the presenter (${postgresUrl ? 'PostgreSQL' : 'PGlite'})`, () => {
	let nodes: TestServer[];
	let admin: string;
	let roundId: string;
	const conferences = new Map<Key, { id: string; code: string; regionId: string }>();
	const phones = new Map<Key, TestSocket[]>();
	const polls = new Map<Key, PollInfo[]>();
	const sockets: TestSocket[] = [];

	const url = (node: number) => nodes[node % nodes.length]!.url;
	const open = async (node: number, cookie = '') => {
		const socket = await connect(url(node), cookie);
		sockets.push(socket);
		return socket;
	};
	const html = async (path: string) =>
		(await fetch(url(0) + path, { headers: { cookie: admin } })).text();
	const conf = (key: Key) => conferences.get(key)!;
	const poll = (key: Key, ballotId: string) =>
		polls.get(key)!.find((p) => p.ballotId === ballotId)!;
	async function post(path: string, fields: Record<string, string>) {
		const response = await postForm(url(0), path, fields, admin);
		expect(response.status, path).toBeLessThan(400);
		return response;
	}

	/** The roll-up of the votes this test cast, as the comparison should count them. */
	function expected(ballot: Ballot, ended: Key[]) {
		const tagged: TaggedVote[] = ended.flatMap((key) =>
			votesOf(key).map((value) => ({
				conferenceId: conf(key).id,
				regionId: conf(key).regionId,
				role: 'folkevalgt' as const,
				value: { kind: 'scale', value }
			}))
		);
		return rollup(ballot, tagged, { weighting: 'participant' });
	}

	beforeAll(async () => {
		const both = Boolean(postgresUrl && redisUrl);
		nodes = await Promise.all(
			(both ? [0, 1] : [0]).map(() =>
				startServer({ databaseUrl: postgresUrl, redisUrl: both ? redisUrl : null })
			)
		);
		admin = await signIn(url(0));

		const packId = (await html('/admin/rounds/new')).match(
			new RegExp(`<option value="(${UUID})"`)
		)?.[1];
		expect(packId).toBeDefined();
		const created = await post('/admin/rounds/new', {
			name: `Sammenligning ${Date.now()}`,
			status: 'live',
			contentPackId: packId!
		});
		roundId = created.headers.get('location')!.match(new RegExp(UUID))![0];
		for (const region of REGIONS) {
			await post(`/admin/rounds/${roundId}?/addRegion`, { ...region, countyCodes: region.code });
		}
		const roundPage = await html(`/admin/rounds/${roundId}`);
		const regionIds = new Map(
			[
				...roundPage.matchAll(new RegExp(`<option value="(${UUID})"[^>]*>([^<]+)</option>`, 'g'))
			].map((m) => [m[2]!.trim(), m[1]!])
		);
		for (const c of CONFERENCES) {
			await post(`/admin/rounds/${roundId}?/createConference`, {
				regionId: regionIds.get(c.region)!,
				title: c.title,
				status: 'live'
			});
		}
		const listed = await listedConferences(url(0), null);
		const withIds = await html(`/admin/rounds/${roundId}`);
		for (const c of CONFERENCES) {
			const id = withIds.match(new RegExp(`/admin/conferences/(${UUID})"[^>]*>${c.title}<`))![1]!;
			const code = listed.find((l) => l.id === id)!.joinCode;
			conferences.set(c.key, { id, code, regionId: regionIds.get(c.region)! });
		}

		// Every conference opens «KS spør 1» and its phones vote.
		const control = await open(0, admin);
		for (const c of CONFERENCES) {
			const facilitator = await controlOf(control, conf(c.key).id);
			polls.set(c.key, await facilitator.question('ks-spor-1', 'open'));
			const list: TestSocket[] = [];
			for (const value of c.votes) {
				const phone = await open(1, await joinAsParticipant(url(1), conf(c.key).code));
				expect((await request<PhoneSnapshot>(phone, 'phone:hello', {})).ok).toBe(true);
				const pollId = poll(c.key, 'ks1-fordeling').id;
				expect(
					await request(phone, 'vote:cast', { pollId, value: { kind: 'scale', value } })
				).toMatchObject({ ok: true });
				list.push(phone);
			}
			phones.set(c.key, list);
		}
	}, 120_000);

	afterAll(async () => {
		sockets.forEach((s) => s.disconnect());
		await Promise.all((nodes ?? []).map((n) => n.stop()));
	});

	it('sends the county against the nation, from the stored votes, to the presenter only', async () => {
		const trond = conf('trond');
		const pollId = poll('trond', 'ks1-fordeling').id;
		const ballot = poll('trond', 'ks1-fordeling').ballot;
		const control = await open(0, admin);
		const facilitator = await controlOf(control, trond.id);
		expect(facilitator.snapshot.comparison).toBeNull();
		const presenter = await open(1, admin);
		const watched = await request<PresenterSnapshot>(presenter, 'presenter:watch', {
			conferenceId: trond.id
		});
		expect(watched).toMatchObject({ ok: true, data: { comparison: null } });

		// Not revealed yet: refused, and nothing reaches the screen.
		const early = await request(control, 'control:compare', { conferenceId: trond.id, pollId });
		expect(early).toEqual({
			ok: false,
			error: { code: 'conflict', message: 'Vis resultatet i salen før dere sammenligner.' }
		});

		// Vestland and Nordland end their voting; Trøndelag reveals.
		for (const key of ['vest1', 'vest2', 'nord'] as const) {
			await (await controlOf(control, conf(key).id)).question('ks-spor-1', 'close');
		}
		await facilitator.question('ks-spor-1', 'reveal');

		const phoneWire: string[] = [];
		for (const phone of phones.get('trond')!) {
			phone.onAny((event: string) => phoneWire.push(event));
		}
		const shown = nextEvent<PollComparison>(presenter, 'poll:comparison');
		const answer = await request<PollComparison>(control, 'control:compare', {
			conferenceId: trond.id,
			pollId
		});
		expect(answer.ok).toBe(true);
		const comparison = await shown;

		const all = expected(ballot, ['vest1', 'vest2', 'trond', 'nord']);
		expect(comparison.county).toEqual(all.byRegion[trond.regionId]);
		expect(comparison.nation).toEqual(all.nation);
		// By hand as well: Trøndelag alone, and the nation of Vestland (8) and Trøndelag (5);
		// Nordland has three answers: too few to count.
		expect(comparison).toMatchObject({
			pollId,
			conferenceId: trond.id,
			regionName: 'Trøndelag',
			county: { suppressed: false, voters: 5, mean: mean(votesOf('trond')) },
			nation: { suppressed: false, voters: 13, mean: mean(votesOf('vest1', 'vest2', 'trond')) },
			nationRegions: 2
		});
		expect(comparison.county).not.toHaveProperty('skipped');

		await new Promise((r) => setTimeout(r, 300));
		expect(phoneWire).not.toContain('poll:comparison');

		// A presenter that (re)connects gets it in its snapshot, on any node.
		const again = await request<PresenterSnapshot>(await open(0, admin), 'presenter:watch', {
			conferenceId: trond.id
		});
		expect(again.ok && again.data.comparison).toMatchObject({
			pollId,
			county: comparison.county,
			nation: comparison.nation
		});
		const phoneHello = await request<PhoneSnapshot>(phones.get('trond')![0]!, 'phone:hello', {});
		expect(phoneHello.ok).toBe(true);
		expect(phoneHello.ok && 'comparison' in phoneHello.data).toBe(false);

		// Hidden again: the presenter is told, and a reconnecting one gets nothing.
		const hidden = nextEvent<ComparisonHidden>(presenter, 'poll:comparison-hidden');
		expect(
			await request(control, 'control:compare-hide', { conferenceId: trond.id, pollId })
		).toMatchObject({ ok: true, data: { pollId, hidden: true } });
		expect(await hidden).toMatchObject({ conferenceId: trond.id, pollId });
		const after = await request<PresenterSnapshot>(await open(1, admin), 'presenter:watch', {
			conferenceId: trond.id
		});
		expect(after).toMatchObject({ ok: true, data: { comparison: null } });
		expect(phoneWire).not.toContain('poll:comparison-hidden');

		// Showing something else on the big screen ends a comparison too.
		await request(control, 'control:compare', { conferenceId: trond.id, pollId });
		const ended = nextEvent<ComparisonHidden>(presenter, 'poll:comparison-hidden');
		const moved = await request(control, 'control:agenda', {
			conferenceId: trond.id,
			action: { type: 'show', item: { type: 'question', questionId: 'ks-spor-2' } },
			expectedVersion: facilitator.snapshot.agenda.version
		});
		expect(moved.ok).toBe(true);
		expect(await ended).toMatchObject({ pollId });
		expect((await controlOf(control, trond.id)).snapshot.comparison).toBeNull();
	});

	it('shows "too few answers" for a county under five, and never gives a small group away', async () => {
		const control = await open(0, admin);
		const ballot = poll('nord', 'ks1-fordeling').ballot;

		// Nordland: three answers. The county is suppressed; the nation leaves it out.
		await (await controlOf(control, conf('nord').id)).question('ks-spor-1', 'reveal');
		const nord = await request<PollComparison>(control, 'control:compare', {
			conferenceId: conf('nord').id,
			pollId: poll('nord', 'ks1-fordeling').id
		});
		const all = expected(ballot, ['vest1', 'vest2', 'trond', 'nord']);
		expect(nord.ok && nord.data).toMatchObject({
			regionName: 'Nordland',
			county: { kind: 'scale', voters: 3, suppressed: true },
			nation: all.nation,
			nationRegions: 2
		});
		expect(nord.ok && nord.data.county).toEqual({ kind: 'scale', voters: 3, suppressed: true });

		// Vestland 1 has shown its six answers in the room; Vestland is eight: the county figure
		// would give away Vestland 2's two. It is held back; the nation (7 more) is not.
		await (await controlOf(control, conf('vest1').id)).question('ks-spor-1', 'reveal');
		const vest = await request<PollComparison>(control, 'control:compare', {
			conferenceId: conf('vest1').id,
			pollId: poll('vest1', 'ks1-fordeling').id
		});
		expect(all.byRegion[conf('vest1').regionId]).toMatchObject({ suppressed: false, voters: 8 });
		expect(vest.ok && vest.data.county).toEqual({ kind: 'scale', voters: 8, suppressed: true });
		expect(vest.ok && vest.data.nation).toEqual(all.nation);
		expect(vest.ok && (vest.data.nation as PublicResult).voters).toBe(13);
	});

	it('refuses participants, other facilitators, open-text polls and unrevealed polls', async () => {
		const vest2 = conf('vest2');
		const pollId = poll('vest2', 'ks1-fordeling').id;
		const control = await open(0, admin);

		// Closed, not revealed.
		expect(
			await request(control, 'control:compare', { conferenceId: vest2.id, pollId })
		).toMatchObject({ ok: false, error: { code: 'conflict' } });
		// Revealed, but free text.
		await (await controlOf(control, conf('trond').id)).question('ks-spor-1', 'reveal');
		expect(
			await request(control, 'control:compare', {
				conferenceId: conf('trond').id,
				pollId: poll('trond', 'ks1-kommentar').id
			})
		).toMatchObject({ ok: false, error: { code: 'bad_request' } });
		// A poll of another conference.
		expect(
			await request(control, 'control:compare', {
				conferenceId: vest2.id,
				pollId: poll('trond', 'ks1-fordeling').id
			})
		).toMatchObject({ ok: false, error: { code: 'not_found' } });
		expect(
			await request(control, 'control:compare', { conferenceId: vest2.id, pollId: 'x' })
		).toMatchObject({ ok: false, error: { code: 'bad_request' } });

		// A participant: not staff at all.
		const phone = phones.get('trond')![0]!;
		const trondPoll = { conferenceId: conf('trond').id, pollId: poll('trond', 'ks1-fordeling').id };
		for (const event of ['control:compare', 'control:compare-hide']) {
			expect(await request(phone, event, trondPoll), event).toMatchObject({
				ok: false,
				error: { code: 'unauthenticated' }
			});
		}

		// A facilitator of another conference: forbidden.
		const invited = await postForm(
			url(0),
			'/admin/staff?/invite',
			{ name: 'Frida Fasilitator', email: `frida.${Date.now()}@compare.test` },
			admin
		);
		const link = (await invited.text()).match(/value="(http[^"]+\/passord\/[^"]+)"/)![1]!;
		const password = await postForm(url(0), new URL(link).pathname, {
			password: 'fridas-passord-123',
			confirm: 'fridas-passord-123'
		});
		const facilitator = cookiesFrom(password);
		expect(facilitator).toContain('droft_staff=');
		const outsider = await open(1, facilitator);
		for (const event of ['control:compare', 'control:compare-hide']) {
			expect(await request(outsider, event, trondPoll), event).toMatchObject({
				ok: false,
				error: { code: 'forbidden' }
			});
		}
		const presenter = await request(outsider, 'presenter:watch', {
			conferenceId: trondPoll.conferenceId
		});
		expect(presenter).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	});
});
