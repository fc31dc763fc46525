import { createHash, randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { connect, nextEvent, request, type TestSocket } from '../helpers/socket';
import { joinAsParticipant, postForm, signIn } from '../helpers/http';
import { optionIds } from '../helpers/pack';
import { controlOf } from '../helpers/staff';
import { rollup, type RollupOptions, type TaggedVote } from '../../src/lib/domain/rollup';
import type { ParticipantRole } from '../../src/lib/domain/participant-role';
import type { PhoneSnapshot, PollInfo } from '../../src/lib/realtime/events';
import type { NationalView, PollComparison } from '../../src/lib/realtime/nation';
import { parseCsv } from '../helpers/csv';

const postgresUrl = inject('postgresUrl');
const redisUrl = inject('redisUrl');

const ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
const joinCode = () => Array.from(randomBytes(6), (b) => ALPHABET[b % ALPHABET.length]).join('');

/** Who joins where: conference index, role, table, and whether from a municipality. */
// «KS spør» 3's ranking (top 3) and 4's points (10 to give).
const PRIORITIES = optionIds('ks3-prioritering');
const THEMES = optionIds('ks4-tema');
const PEOPLE: { at: number; role: ParticipantRole; table: number; local: boolean }[] = [
	...(['folkevalgt', 'folkevalgt', 'folkevalgt', 'folkevalgt', 'administrasjon'] as const).map(
		(role, i) => ({ at: 0, role, table: 1 + (i % 3), local: i % 2 === 0 })
	),
	{ at: 0, role: 'administrasjon', table: 3, local: true },
	{ at: 0, role: 'tillitsvalgt', table: 3, local: false },
	{ at: 1, role: 'folkevalgt', table: 1, local: true },
	{ at: 1, role: 'folkevalgt', table: 1, local: false },
	{ at: 1, role: 'annet', table: 1, local: false },
	...(['folkevalgt', 'folkevalgt', 'folkevalgt', 'administrasjon'] as const).map((role, i) => ({
		at: 2,
		role,
		table: 1 + (i % 2),
		local: true
	})),
	{ at: 2, role: 'administrasjon', table: 2, local: true },
	{ at: 2, role: 'administrasjon', table: 2, local: false }
];

const HEADER = [
	'Type',
	'Konferanse',
	'Fylke',
	'Fylkesnummer',
	'Kommunenummer',
	'Kommune',
	'Rolle',
	'Bord',
	'Tema',
	'KS spør nr.',
	'Spørsmål-ID',
	'Avstemning-ID',
	'Avstemning',
	'Svartype',
	'Svar',
	'Svarkode',
	'Verdi',
	'Moderering',
	'Stjerner',
	'Kort',
	'Deltaker (pseudonym)',
	'Avgitt',
	'Sist endret'
];

describe.skipIf(!postgresUrl || !redisUrl)(
	'the national dashboard across three conferences on two nodes (needs DATABASE_URL and REDIS_URL)',
	() => {
		let nodes: TestServer[];
		let db: pg.Client;
		let staff: string;
		let roundId: string;
		let roundName: string;
		const region = { west: '', mid: '' };
		const conferences: { id: string; code: string }[] = [];
		const phones: { socket: TestSocket; cookie: string; at: number }[] = [];
		const sockets: TestSocket[] = [];
		const polls: PollInfo[][] = [];
		let watcher: TestSocket;
		const changes: number[] = [];

		const open = async (node: number, cookie = '') => {
			const socket = await connect(nodes[node]!.url, cookie);
			sockets.push(socket);
			return socket;
		};
		const pollIn = (at: number, ballotId: string) =>
			polls[at]!.find((p) => p.ballotId === ballotId)!;
		const get = (path: string, cookie = staff) =>
			fetch(nodes[0]!.url + path, { headers: { cookie }, redirect: 'manual' });

		/** Every vote of the round straight from PostgreSQL, tagged as the roll-up wants them. */
		async function storedVotes(): Promise<Map<string, TaggedVote[]>> {
			const { rows } = await db.query<{
				ballot_id: string;
				conference_id: string;
				region_id: string;
				role: ParticipantRole;
				value: unknown;
			}>(
				`select p.ballot_id, c.id as conference_id, c.region_id, pa.role, v.value
				from votes v join polls p on p.id = v.poll_id
				join conferences c on c.id = p.conference_id
				join participants pa on pa.id = v.participant_id
				where c.round_id = $1`,
				[roundId]
			);
			const byBallot = new Map<string, TaggedVote[]>();
			for (const row of rows) {
				const list = byBallot.get(row.ballot_id) ?? [];
				list.push({
					conferenceId: row.conference_id,
					regionId: row.region_id,
					role: row.role,
					value: row.value
				});
				byBallot.set(row.ballot_id, list);
			}
			return byBallot;
		}

		async function expectViewMatchesDatabase(view: NationalView, options: RollupOptions) {
			const stored = await storedVotes();
			for (const question of view.questions) {
				for (const result of question.ballots) {
					const expected = rollup(result.ballot, stored.get(result.ballot.id) ?? [], options);
					expect({
						byConference: result.byConference,
						byRegion: result.byRegion,
						nation: result.nation,
						nationRegionIds: result.nationRegionIds
					}).toEqual(expected);
				}
			}
		}

		async function watch(filter: object = {}): Promise<NationalView> {
			const answer = await request<NationalView>(watcher, 'nation:watch', { roundId, ...filter });
			if (!answer.ok) {
				throw new Error(answer.error.message);
			}
			return answer.data;
		}

		beforeAll(async () => {
			nodes = await Promise.all([
				startServer({ databaseUrl: postgresUrl, redisUrl }),
				startServer({ databaseUrl: postgresUrl, redisUrl })
			]);
			db = new pg.Client({ connectionString: postgresUrl! });
			await db.connect();
			// A round of its own: closing and deleting it leaves the demo round to other tests.
			roundName = `Nasjonal testrunde ${Date.now()}`;
			const round = await db.query<{ id: string }>(
				`insert into rounds (name, status, content_pack_id)
				select $1, 'live', content_pack_id from rounds where content_pack_id is not null limit 1
				returning id`,
				[roundName]
			);
			roundId = round.rows[0]!.id;
			const regions = await db.query<{ id: string; code: string }>(
				`insert into regions (round_id, code, name, county_codes) values
				($1, '46', 'Vestland', '{46}'), ($1, '50', 'Trøndelag', '{50}') returning id, code`,
				[roundId]
			);
			region.west = regions.rows.find((r) => r.code === '46')!.id;
			region.mid = regions.rows.find((r) => r.code === '50')!.id;
			for (const [title, regionId] of [
				['Vestland 1', region.west],
				['Vestland 2', region.west],
				['Trøndelag', region.mid]
			] as const) {
				const code = joinCode();
				const row = await db.query<{ id: string }>(
					`insert into conferences (round_id, region_id, title, join_code, status)
					values ($1, $2, $3, $4, 'live') returning id`,
					[roundId, regionId, title, code]
				);
				conferences.push({ id: row.rows[0]!.id, code });
			}
			staff = await signIn(nodes[0]!.url);
			watcher = await open(1, staff);
			watcher.on('nation:changed', (change: { roundId: string; at: number }) => {
				if (change.roundId === roundId) {
					changes.push(change.at);
				}
			});
		});

		afterAll(async () => {
			sockets.forEach((s) => s.disconnect());
			await db?.end();
			await Promise.all((nodes ?? []).map((n) => n.stop()));
		});

		it('keeps the national figures live and equal to those recomputed from the database', async () => {
			const initial = await watch();
			expect(initial.regions.map((r) => r.name)).toEqual(['Trøndelag', 'Vestland']);
			expect(initial.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6]);
			expect(initial.questions[0]!.ballots[0]!.nation).toMatchObject({ voters: 0 });

			for (const [at, conference] of conferences.entries()) {
				const control = await controlOf(await open(at % 2, staff), conference.id);
				polls[at] = [
					...(await control.question('ks-spor-1', 'open')),
					...(await control.question('ks-spor-2', 'open')),
					...(await control.question('ks-spor-3', 'open')),
					...(await control.question('ks-spor-4', 'open'))
				];
			}
			const [municipalities] = await Promise.all([
				db.query<{ code: string; county_code: string }>(
					`select distinct on (county_code) code, county_code from municipalities
					where county_code in ('46', '50') order by county_code, code`
				)
			]);
			const local = (at: number) =>
				municipalities.rows.find((m) => m.county_code === (at === 2 ? '50' : '46'))!.code;
			for (const [i, person] of PEOPLE.entries()) {
				const node = i % 2;
				const cookie = await joinAsParticipant(nodes[node]!.url, conferences[person.at]!.code, {
					role: person.role,
					table: String(person.table),
					municipality: person.local ? local(person.at) : 'annet'
				});
				const socket = await open(1 - node, cookie);
				const hello = await request<PhoneSnapshot>(socket, 'phone:hello', {});
				expect(hello.ok).toBe(true);
				phones.push({ socket, cookie, at: person.at });
			}

			const started = Date.now();
			await Promise.all(
				phones.map(async ({ socket, at }, i) => {
					const cast = async (ballotId: string, value: unknown) => {
						const answer = await request(socket, 'vote:cast', {
							pollId: pollIn(at, ballotId).id,
							value
						});
						expect(answer).toMatchObject({ ok: true });
					};
					await cast('ks1-fordeling', { kind: 'scale', value: 1 + (i % 5) });
					if (i % 2 === 0) {
						const text = i === 0 ? '=1+2' : `Lokalt handlingsrom, sier bord ${i}; "viktig"`;
						await cast('ks1-kommentar', { kind: 'text', text });
					}
					const redistribute = i % 3 === 0;
					await cast('ks2-profil', {
						kind: 'single',
						optionId: redistribute ? 'omfordeling' : 'generell-lonnsutvikling'
					});
					if (redistribute) {
						await cast('ks2-grupper', { kind: 'multiple', optionIds: ['sykepleiere'] });
					}
					// Rankings and points, added up in the database, nearly every one different.
					const rotated = (ids: string[]) => [
						...ids.slice(i % ids.length),
						...ids.slice(0, i % ids.length)
					];
					const priorities = rotated(PRIORITIES);
					await cast('ks3-prioritering', {
						kind: 'ranking',
						ranking: i % 2 ? priorities.slice(0, 3) : priorities.slice(0, 3).reverse()
					});
					const [first, second] = rotated(THEMES);
					await cast('ks4-tema', {
						kind: 'points',
						points: { [first!]: 1 + (i % 7), [second!]: 3 }
					});
				})
			);
			const took = Date.now() - started;
			// Every change is coalesced: at most two per second per node, and at least one.
			await new Promise((r) => setTimeout(r, 800));
			expect(changes.length).toBeGreaterThan(0);
			expect(changes.length).toBeLessThanOrEqual(2 * (Math.ceil(took / 500) + 2));

			const view = await watch();
			await expectViewMatchesDatabase(view, { weighting: 'participant' });
			const scale = view.questions[0]!.ballots[0]!;
			expect(scale.byRegion[region.west]).toMatchObject({ voters: 10, suppressed: false });
			// Vestland 2 has three voters: it is withheld, and so is Vestland 1, which would give it away.
			expect(scale.byConference[conferences[1]!.id]).toEqual({
				kind: 'scale',
				voters: 3,
				suppressed: true
			});
			expect(scale.byConference[conferences[0]!.id]).toMatchObject({ suppressed: true });
			expect(scale.byConference[conferences[2]!.id]).toMatchObject({
				voters: 6,
				suppressed: false
			});
			expect(scale.nation).toMatchObject({ voters: 16, suppressed: false });

			const filtered = await watch({ roles: ['folkevalgt'], weighting: 'region-equal' });
			await expectViewMatchesDatabase(filtered, {
				roles: ['folkevalgt'],
				weighting: 'region-equal'
			});
			const onlyElected = filtered.questions[0]!.ballots[0]!;
			expect(onlyElected.byRegion[region.mid]).toMatchObject({ voters: 3, suppressed: true });
			expect(onlyElected.nationRegionIds).toEqual([region.west]);
			expect(onlyElected.nation).toMatchObject({ voters: 6 });
		});

		it('applies the role filter and the weighting over HTTP', async () => {
			const all = (await (await get(`/api/exports/${roundId}/results.json`)).json()) as {
				questions: { ballots: Record<string, unknown>[] }[];
			};
			const elected = (await (
				await get(`/api/exports/${roundId}/results.json?role=folkevalgt`)
			).json()) as typeof all;
			const stored = await storedVotes();
			const view = await watch();
			for (const [q, question] of view.questions.entries()) {
				for (const [b, { ballot }] of question.ballots.entries()) {
					const votes = stored.get(ballot.id) ?? [];
					const participant = rollup(ballot, votes, { weighting: 'participant' });
					const equal = rollup(ballot, votes, { weighting: 'region-equal' });
					expect(all.questions[q]!.ballots[b]).toMatchObject({
						ballotId: ballot.id,
						byConference: participant.byConference,
						byRegion: participant.byRegion,
						nation: { participant: participant.nation, 'region-equal': equal.nation },
						nationRegionIds: {
							participant: participant.nationRegionIds,
							'region-equal': equal.nationRegionIds
						}
					});
					const roles = ['folkevalgt'] as ParticipantRole[];
					const mine = rollup(ballot, votes, { roles, weighting: 'participant' });
					expect(elected.questions[q]!.ballots[b]).toMatchObject({
						byRegion: mine.byRegion,
						nation: { participant: mine.nation }
					});
				}
			}

			const page = await get(`/nation/${roundId}?role=folkevalgt&weighting=region-equal`);
			expect(page.status).toBe(200);
			const html = await page.text();
			expect(html).toMatch(/value="region-equal"[^>]*checked/);
			expect(html).toMatch(/value="folkevalgt"[^>]*checked/);
			expect(html).toContain('for få svar');
			for (const path of ['texts?q=handlingsrom', 'report', `report/${region.west}`]) {
				const response = await get(`/nation/${roundId}/${path}`);
				expect(response.status, path).toBe(200);
			}
			const texts = await (await get(`/nation/${roundId}/texts?q=handlingsrom`)).text();
			expect(texts).toMatch(/<mark[^>]*>handlingsrom<\/mark>/);
		});

		it('exports every vote and text input anonymously as CSV, XLSX and JSON', async () => {
			await db.query(
				`insert into table_notes (table_id, text)
				select id, '@SUM(A1) er ikke en formel' from conference_tables
				where conference_id = $1 and number = 1`,
				[conferences[0]!.id]
			);
			const counts = await db.query<{ votes: number; answers: number; notes: number }>(
				`select
				(select count(*)::int from votes v join polls p on p.id = v.poll_id
					join conferences c on c.id = p.conference_id where c.round_id = $1) as votes,
				(select count(*)::int from table_answers a join polls p on p.id = a.poll_id
					join conferences c on c.id = p.conference_id where c.round_id = $1) as answers,
				(select count(*)::int from table_notes n join conference_tables t on t.id = n.table_id
					join conferences c on c.id = t.conference_id where c.round_id = $1) as notes`,
				[roundId]
			);
			const { votes, answers, notes } = counts.rows[0]!;
			expect(notes).toBe(1);
			const expectedRows = votes + answers + notes;
			const secrets = await db.query<{ id: string; token_hash: string }>(
				`select p.id, p.token_hash from participants p
				join conferences c on c.id = p.conference_id where c.round_id = $1`,
				[roundId]
			);

			const csvResponse = await get(`/api/exports/${roundId}/votes.csv`);
			expect(csvResponse.headers.get('content-type')).toMatch(/^text\/csv/);
			expect(csvResponse.headers.get('content-disposition')).toMatch(/attachment/);
			const bytes = new Uint8Array(await csvResponse.arrayBuffer());
			expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const csv = new TextDecoder().decode(bytes.slice(3));
			const [header, ...rows] = parseCsv(csv, ';');
			expect(header).toEqual(HEADER);
			expect(rows).toHaveLength(expectedRows);
			expect(rows.every((row) => row.length === HEADER.length)).toBe(true);
			for (const secret of secrets.rows) {
				expect(csv).not.toContain(secret.id);
				expect(csv).not.toContain(secret.token_hash);
			}
			const column = (name: string) => rows.map((row) => row[HEADER.indexOf(name)]!);
			expect(column('Svar')).toContain("'=1+2");
			expect(column('Svar')).toContain("'@SUM(A1) er ikke en formel");
			expect(column('Svar')).toContain('Lokalt handlingsrom, sier bord 2; "viktig"');
			expect(new Set(column('Deltaker (pseudonym)').filter(Boolean)).size).toBe(PEOPLE.length);
			expect(new Set(column('Fylke'))).toEqual(new Set(['Vestland', 'Trøndelag']));
			expect(column('Kommune').some((name) => name.length > 0)).toBe(true);
			expect(column('Kommunenummer').some((code) => /^\d{4}$/.test(code))).toBe(true);
			expect(column('Avgitt').every((time) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(time))).toBe(
				true
			);

			const xlsx = await get(`/api/exports/${roundId}/votes.xlsx`);
			const book = new ExcelJS.Workbook();
			await book.xlsx.load(await xlsx.arrayBuffer());
			const sheet = book.worksheets[0]!;
			expect(sheet.rowCount).toBe(expectedRows + 1);
			expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
			const cells: string[] = [];
			sheet.eachRow((row) => cells.push(JSON.stringify(row.values)));
			for (const secret of secrets.rows) {
				expect(cells.join('\n')).not.toContain(secret.id);
			}
			expect(sheet.getRow(2).getCell(HEADER.indexOf('Avgitt') + 1).value).toBeInstanceOf(Date);

			const json = await (await get(`/api/exports/${roundId}/results.json`)).text();
			for (const secret of secrets.rows) {
				expect(json).not.toContain(secret.id);
			}
		});

		it('compares the county with the nation on the presenter, counting only ended polls', async () => {
			const presenter = await open(1, staff);
			expect(
				await request(presenter, 'presenter:watch', { conferenceId: conferences[2]!.id })
			).toMatchObject({ ok: true });
			const controlSocket = await open(0, staff);
			const control = await controlOf(controlSocket, conferences[2]!.id);
			const pollId = pollIn(2, 'ks1-fordeling').id;
			const early = await request(controlSocket, 'control:compare', {
				conferenceId: conferences[2]!.id,
				pollId
			});
			expect(early).toMatchObject({ ok: false, error: { code: 'conflict' } });

			await control.question('ks-spor-1', 'reveal');
			const shown = nextEvent<PollComparison>(presenter, 'poll:comparison');
			const answer = await request<PollComparison>(controlSocket, 'control:compare', {
				conferenceId: conferences[2]!.id,
				pollId
			});
			expect(answer.ok).toBe(true);
			const comparison = await shown;
			expect(comparison).toMatchObject({
				pollId,
				regionName: 'Trøndelag',
				county: { voters: 6, suppressed: false },
				// Vestland is still voting: it is not counted yet.
				nation: { voters: 6 },
				nationRegions: 1
			});

			for (const at of [0, 1]) {
				const other = await controlOf(await open(at, staff), conferences[at]!.id);
				await other.question('ks-spor-1', 'close');
			}
			const later = await request<PollComparison>(controlSocket, 'control:compare', {
				conferenceId: conferences[2]!.id,
				pollId
			});
			expect(later).toMatchObject({
				ok: true,
				data: { county: { voters: 6 }, nation: { voters: 16 }, nationRegions: 2 }
			});
			const phone = phones.find((p) => p.at === 2)!.socket;
			expect(
				await request(phone, 'control:compare', { conferenceId: conferences[2]!.id, pollId })
			).toMatchObject({ ok: false });
		});

		it('refuses the dashboard, the socket and the exports to visitors and facilitators', async () => {
			const token = randomBytes(32).toString('base64url');
			const facilitator = await db.query<{ id: string }>(
				`insert into staff_users (email, name, is_admin) values ($1, 'Fasilitator', false)
				returning id`,
				[`fasilitator-${Date.now()}@nasjonal.test`]
			);
			await db.query(
				`insert into staff_sessions (token_hash, staff_id, expires_at)
				values ($1, $2, now() + interval '1 day')`,
				[createHash('sha256').update(token).digest('hex'), facilitator.rows[0]!.id]
			);
			const asFacilitator = `droft_staff=${token}`;
			for (const format of ['votes.csv', 'votes.xlsx', 'results.json']) {
				expect((await get(`/api/exports/${roundId}/${format}`, '')).status).toBe(401);
				expect((await get(`/api/exports/${roundId}/${format}`, asFacilitator)).status).toBe(403);
			}
			for (const path of ['', '/texts', '/report', `/report/${region.west}`, '/lifecycle']) {
				const visitor = await get(`/nation/${roundId}${path}`, '');
				expect(visitor.status).toBe(303);
				expect(visitor.headers.get('location')).toMatch(/^\/login\?next=/);
				expect((await get(`/nation/${roundId}${path}`, asFacilitator)).status).toBe(403);
			}
			const socket = await open(0, asFacilitator);
			expect(await request(socket, 'nation:watch', { roundId })).toMatchObject({
				ok: false,
				error: { code: 'forbidden' }
			});
			expect(await request(phones[0]!.socket, 'nation:watch', { roundId })).toMatchObject({
				ok: false
			});
			const closing = await postForm(
				nodes[0]!.url,
				`/nation/${roundId}/lifecycle?/close`,
				{},
				asFacilitator
			);
			expect(closing.status).toBe(403);
			expect((await get(`/api/exports/${roundId}/nonsense.txt`)).status).toBe(404);
		});

		it('closes the round: every open poll closed, no more votes, no joining', async () => {
			const closed = await postForm(
				nodes[1]!.url,
				`/nation/${roundId}/lifecycle?/close`,
				{},
				staff
			);
			expect(closed.status).toBe(200);
			const state = await db.query<{ open: number; live: number; status: string }>(
				`select
				(select count(*)::int from polls p join conferences c on c.id = p.conference_id
					where c.round_id = $1 and p.status = 'open') as open,
				(select count(*)::int from conferences where round_id = $1 and status <> 'closed') as live,
				(select status from rounds where id = $1) as status`,
				[roundId]
			);
			expect(state.rows[0]).toEqual({ open: 0, live: 0, status: 'closed' });
			const vote = await request(phones[0]!.socket, 'vote:cast', {
				pollId: pollIn(0, 'ks2-profil').id,
				value: { kind: 'single', optionId: 'omfordeling' }
			});
			expect(vote).toMatchObject({ ok: false, error: { code: 'poll_closed' } });
			await expect(joinAsParticipant(nodes[0]!.url, conferences[0]!.code)).rejects.toThrow(
				/join failed/
			);
			const control = await controlOf(await open(1, staff), conferences[0]!.id);
			await expect(control.question('ks-spor-3', 'open')).rejects.toThrow();
		});

		it('deletes the participant data, and a participant cookie no longer works', async () => {
			const path = `/nation/${roundId}/lifecycle?/deleteData`;
			const wrong = await postForm(nodes[0]!.url, path, { confirm: 'feil navn' }, staff);
			expect(wrong.status).toBe(400);
			const count = async () =>
				(
					await db.query<{ participants: number; votes: number; notes: number; tables: number }>(
						`select
						(select count(*)::int from participants p join conferences c
							on c.id = p.conference_id where c.round_id = $1) as participants,
						(select count(*)::int from votes v join polls p on p.id = v.poll_id
							join conferences c on c.id = p.conference_id where c.round_id = $1) as votes,
						(select count(*)::int from table_notes n join conference_tables t
							on t.id = n.table_id join conferences c on c.id = t.conference_id
							where c.round_id = $1) as notes,
						(select count(*)::int from conference_tables t join conferences c
							on c.id = t.conference_id where c.round_id = $1) as tables`,
						[roundId]
					)
				).rows[0]!;
			expect((await count()).participants).toBe(PEOPLE.length);

			const gone = nextEvent(phones[1]!.socket, 'disconnect', () => true, 5000);
			const deleted = await postForm(nodes[0]!.url, path, { confirm: roundName }, staff);
			expect(deleted.status).toBe(200);
			expect(await count()).toEqual({ participants: 0, votes: 0, notes: 0, tables: 0 });
			await gone;

			const again = await connect(nodes[1]!.url, phones[0]!.cookie);
			sockets.push(again);
			expect(await request(again, 'phone:hello', {})).toMatchObject({
				ok: false,
				error: { code: 'unauthenticated' }
			});
			const view = await watch();
			expect(view.questions[0]!.ballots[0]!.nation).toMatchObject({ voters: 0 });
			const audit = await db.query<{ action: string }>(
				`select action from audit_log where round_id = $1 order by at`,
				[roundId]
			);
			expect(audit.rows.map((r) => r.action)).toEqual(
				expect.arrayContaining(['export:read', 'round:close', 'round:delete-data'])
			);
		});
	}
);
