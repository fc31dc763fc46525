import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { connect, nextEvent, request, type TestSocket } from '../helpers/socket';
import { listedConferences, type ListedConference } from '../helpers/conferences';
import { joinAsParticipant, signIn } from '../helpers/http';
import { addNote, current, deck, errorCode, seat, type Seat } from '../helpers/table';
import type { TableDeckView, TableSummary, TablesOverview } from '../../src/lib/realtime/table';
import type { PhoneSnapshot } from '../../src/lib/realtime/events';

const postgresUrl = inject('postgresUrl');

describe('the card deck at a table', () => {
	let server: TestServer;
	let conferences: ListedConference[];
	let staffCookie: string;
	const sockets: TestSocket[] = [];
	const at = async (conference: ListedConference, table: number) => {
		const s = await seat(server.url, conference.joinCode, table);
		sockets.push(s.socket);
		return s;
	};
	const staff = async () => {
		const socket = await connect(server.url, staffCookie);
		sockets.push(socket);
		return socket;
	};
	/** Deals one small theme to every table of the conference, so a test can run through a pile. */
	const dealTheme = async (conference: ListedConference, themeId: string | null) => {
		const dealt = await request(await staff(), 'tables:deal', {
			conferenceId: conference.id,
			deal: { type: 'theme', themeId }
		});
		expect(dealt).toMatchObject({ ok: true });
	};

	beforeAll(async () => {
		server = await startServer({ databaseUrl: postgresUrl });
		conferences = await listedConferences(server.url);
		staffCookie = await signIn(server.url);
	});
	afterAll(async () => {
		sockets.forEach((s) => s.disconnect());
		await server?.stop();
	});

	it('shows the same card on every phone at the table, and the next one when anyone draws', async () => {
		const conference = conferences[11]!;
		const phones = [
			await at(conference, 101),
			await at(conference, 101),
			await at(conference, 101)
		];
		const [first] = phones.map((p) => p.snapshot.table);
		expect(first!.current).toBeNull();
		expect(first!.deck.remaining).toBe(78);
		for (const phone of phones) {
			expect(phone.snapshot.table).toEqual(first);
		}

		const drawn = phones.map((p) => nextEvent<TableDeckView>(p.socket, 'table:deck-changed'));
		const result = await deck(phones[1]!, 'draw', first!.deck.version);
		expect(result.ok).toBe(true);
		const views = await Promise.all(drawn);
		const card = views[0]!.current!;
		expect(card).toMatchObject({ number: expect.any(Number), text: expect.any(String) });
		expect(views.map((v) => v.current?.id)).toEqual([card.id, card.id, card.id]);

		// Skip puts the card under the pile; discuss clears the table for the next draw.
		const skipped = await deck(phones[2]!, 'skip', views[0]!.deck.version);
		expect(skipped.ok && skipped.data.current?.id).not.toBe(card.id);
		const discussed = await deck(
			phones[0]!,
			'discuss',
			skipped.ok ? skipped.data.deck.version : -1
		);
		expect(discussed.ok && discussed.data).toMatchObject({ current: null, deck: { skipped: 1 } });
		expect(discussed.ok && discussed.data.discussed).toHaveLength(1);
		expect((await current(phones[2]!)).table).toEqual(discussed.ok && discussed.data);
	});

	it("brings the table with the phone's hello, one round trip, and the phone hears it from then on", async () => {
		const conference = conferences[11]!;
		const drawer = await at(conference, 110);
		const cookie = await joinAsParticipant(server.url, conference.joinCode, { table: '110' });
		const phone = await connect(server.url, cookie);
		sockets.push(phone);

		const hello = await request<PhoneSnapshot>(phone, 'phone:hello', { table: true });
		expect(hello.ok && hello.data.table).toEqual(drawer.snapshot);
		// The hello put the phone in the table's room: no table:hello needed to hear a draw.
		const heard = nextEvent<TableDeckView>(phone, 'table:deck-changed');
		const drawn = await deck(drawer, 'draw', drawer.snapshot.table.deck.version);
		expect((await heard).current).toEqual(drawn.ok && drawn.data.current);

		const plain = await request<PhoneSnapshot>(phone, 'phone:hello', {});
		expect(plain.ok && plain.data.table).toBeNull();
		const noTableCookie = await joinAsParticipant(server.url, conference.joinCode);
		const noTable = await connect(server.url, noTableCookie);
		sockets.push(noTable);
		const none = await request<PhoneSnapshot>(noTable, 'phone:hello', { table: true });
		expect(none.ok && none.data.table).toBeNull();
		for (const bad of [{ table: 'yes' }, { table: true, tableId: drawer.tableId }, 'hello']) {
			expect(errorCode(await request(phone, 'phone:hello', bad))).toBe('bad_request');
		}
	});

	it('lets exactly one of simultaneous draws win, and refuses the rest as stale', async () => {
		const conference = conferences[11]!;
		const phones: Seat[] = [];
		for (let i = 0; i < 6; i++) {
			phones.push(await at(conference, 102));
		}
		const version = phones[0]!.snapshot.table.deck.version;
		const results = await Promise.all(phones.map((p) => deck(p, 'draw', version)));
		expect(results.map(errorCode).sort()).toEqual([
			'ok',
			'stale_version',
			'stale_version',
			'stale_version',
			'stale_version',
			'stale_version'
		]);
		const now = await current(phones[3]!);
		expect(now.table.deck.version).toBe(version + 1);
		expect(now.table.deck.remaining).toBe(phones[0]!.snapshot.table.deck.remaining - 1);
		// The same click sent again (a retry after a lost answer) is refused, not applied twice.
		expect(errorCode(await deck(phones[0]!, 'draw', version))).toBe('stale_version');
	});

	it('never duplicates or loses a card when many phones draw and discuss at once', async () => {
		const conference = conferences[12]!;
		const phones: Seat[] = [];
		for (let i = 0; i < 6; i++) {
			phones.push(await at(conference, 103));
		}
		await dealTheme(conference, 'kompetanse-og-rekruttering');
		const pile = (await current(phones[0]!)).table.deck;
		expect(pile).toMatchObject({ themeId: 'kompetanse-og-rekruttering', remaining: 10 });
		const drawn: string[] = [];
		let refused = 0;
		// Every phone keeps acting on what it last saw until the pile is used up.
		await Promise.all(
			phones.map(async (phone) => {
				for (let round = 0; round < 200; round++) {
					const seen = (await current(phone)).table;
					if (seen.current === null && seen.deck.remaining === 0) {
						return;
					}
					const result = await deck(phone, seen.current ? 'discuss' : 'draw', seen.deck.version);
					if (!result.ok) {
						expect(result.error.code).toBe('stale_version');
						refused++;
					} else if (!seen.current) {
						drawn.push(result.data.current!.id);
					}
				}
				throw new Error('the pile never ran out');
			})
		);
		const end = (await current(phones[0]!)).table;
		expect(refused).toBeGreaterThan(0);
		expect(new Set(drawn).size).toBe(drawn.length);
		expect([...drawn].sort()).toEqual(end.discussed.map((c) => c.id).sort());
		expect(end.discussed).toHaveLength(10);
		expect(end.deck).toMatchObject({ remaining: 0, current: null, version: pile.version + 20 });
	});

	it('lets nobody from another table or conference act on this table, and tells them nothing', async () => {
		const [here, elsewhere] = [conferences[13]!, conferences[14]!];
		const mine = await at(here, 104);
		const neighbour = await at(here, 105);
		const visitor = await at(elsewhere, 104);
		const noTable = await connect(server.url, await joinAsParticipant(server.url, here.joinCode));
		const staffOnly = await staff();
		sockets.push(noTable);
		let leaked = 0;
		for (const s of [neighbour.socket, visitor.socket]) {
			s.on('table:deck-changed', () => leaked++);
			s.on('table:note-changed', () => leaked++);
		}
		const tableId = mine.tableId;
		const version = mine.snapshot.table.deck.version;
		const attempts = (socket: TestSocket) => [
			request(socket, 'table:deck', { tableId, action: 'draw', expectedVersion: version }),
			request(socket, 'table:note-add', {
				tableId,
				noteId: crypto.randomUUID(),
				cardId: null,
				text: 'Ikke mitt bord'
			}),
			request(socket, 'table:dot', { tableId, cardId: 'kort-01', on: true }),
			request(socket, 'table:pinned', { tableId })
		];
		for (const socket of [neighbour.socket, visitor.socket]) {
			expect((await Promise.all(attempts(socket))).map(errorCode)).toEqual([
				'forbidden',
				'forbidden',
				'forbidden',
				'forbidden'
			]);
		}
		expect((await Promise.all(attempts(staffOnly))).slice(0, 3).map(errorCode)).toEqual([
			'unauthenticated',
			'unauthenticated',
			'unauthenticated'
		]);
		expect(errorCode(await request(noTable, 'table:hello', {}))).toBe('not_found');
		expect(
			errorCode(await request(visitor.socket, 'tables:watch', { conferenceId: here.id }))
		).toBe('unauthenticated');
		expect(
			errorCode(
				await request(visitor.socket, 'tables:deal', {
					conferenceId: here.id,
					deal: { type: 'card', cardId: 'kort-01' }
				})
			)
		).toBe('unauthenticated');
		expect(errorCode(await request(mine.socket, 'table:deck', { tableId, action: 'fly' }))).toBe(
			'bad_request'
		);

		// The table itself still works, and its changes reach no other table.
		expect(errorCode(await deck(mine, 'draw', version))).toBe('ok');
		expect(errorCode(await addNote(mine, 'Vårt punkt'))).toBe('ok');
		await new Promise((r) => setTimeout(r, 300));
		expect(leaked).toBe(0);
		expect((await current(mine)).table.deck.version).toBe(version + 1);
	});

	it('lets the facilitator deal a card or a theme to every table and follow each table', async () => {
		const conference = conferences[14]!;
		const [a, b] = [await at(conference, 106), await at(conference, 107)];
		const facilitator = await staff();
		const watched = await request<TablesOverview>(facilitator, 'tables:watch', {
			conferenceId: conference.id
		});
		expect(watched.ok && watched.data.catalogue.cards).toHaveLength(78);
		expect(watched.ok && watched.data.tables.map((t) => t.number)).toEqual(
			expect.arrayContaining([106, 107])
		);

		const onA = nextEvent<TableDeckView>(a.socket, 'table:deck-changed');
		const onB = nextEvent<TableDeckView>(b.socket, 'table:deck-changed');
		const summary = nextEvent<{ number: number; current: { number: number } | null }>(
			facilitator,
			'tables:summary',
			(s) => s.number === 107
		);
		const dealt = await request<{ tables: number }>(facilitator, 'tables:deal', {
			conferenceId: conference.id,
			deal: { type: 'card', cardId: 'kort-05' }
		});
		expect(dealt.ok && dealt.data.tables).toBeGreaterThanOrEqual(2);
		expect((await onA).current?.number).toBe(5);
		expect((await onB).current?.number).toBe(5);
		expect((await summary).current?.number).toBe(5);

		const themed = nextEvent<TableDeckView>(a.socket, 'table:deck-changed');
		await dealTheme(conference, 'god-ledelse');
		expect(await themed).toMatchObject({
			current: null,
			discussed: [],
			deck: { themeId: 'god-ledelse', remaining: 9 }
		});
		// A table that starts later joins in on the theme the room was dealt.
		const late = await at(conference, 108);
		expect(late.snapshot.table.deck).toMatchObject({ themeId: 'god-ledelse', remaining: 9 });
		expect(
			errorCode(
				await request(facilitator, 'tables:deal', {
					conferenceId: conference.id,
					deal: { type: 'theme', themeId: 'finnes-ikke' }
				})
			)
		).toBe('bad_request');
	});

	it("shows the facilitator a table's card as soon as a phone there draws or discusses it", async () => {
		const conference = conferences[11]!;
		const phone = await at(conference, 121);
		const facilitator = await staff();
		await request(facilitator, 'tables:watch', { conferenceId: conference.id });
		const line = (discussed: number) =>
			nextEvent<TableSummary>(
				facilitator,
				'tables:summary',
				(s) => s.number === 121 && s.discussed === discussed
			);
		const drawnLine = line(0);
		const drawn = await deck(phone, 'draw', phone.snapshot.table.deck.version);
		expect(drawn.ok).toBe(true);
		const card = drawn.ok ? drawn.data.current! : null;
		expect((await drawnLine).current).toEqual({ id: card!.id, number: card!.number });
		const discussedLine = line(1);
		await deck(phone, 'discuss', drawn.ok ? drawn.data.deck.version : -1);
		expect(await discussedLine).toMatchObject({ current: null, discussed: 1 });
	});
});

describe('a conference that has ended', () => {
	// A database of its own: ending one of the shared demo conferences would lock other tests out.
	let server: TestServer;
	const sockets: TestSocket[] = [];
	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => {
		sockets.forEach((s) => s.disconnect());
		await server?.stop();
	});

	it('takes no more card actions, notes or dots at its tables, and changes nothing', async () => {
		const conference = (await listedConferences(server.url))[0]!;
		const phone = await seat(server.url, conference.joinCode, 3);
		sockets.push(phone.socket);
		const drawn = await deck(phone, 'draw', phone.snapshot.table.deck.version);
		expect(drawn.ok).toBe(true);
		const cardId = drawn.ok ? drawn.data.current!.id : '';
		expect(await addNote(phone, 'Før slutt.')).toMatchObject({ ok: true });

		const control = await connect(server.url, await signIn(server.url));
		sockets.push(control);
		const watched = await request<{ agenda: { version: number } }>(control, 'control:watch', {
			conferenceId: conference.id
		});
		const ended = await request(control, 'control:agenda', {
			conferenceId: conference.id,
			action: { type: 'end' },
			expectedVersion: watched.ok ? watched.data.agenda.version : 0
		});
		expect(ended).toMatchObject({ ok: true });

		const before = await current(phone);
		expect(errorCode(await deck(phone, 'discuss', before.table.deck.version))).toBe('locked');
		expect(errorCode(await addNote(phone, 'Etter slutt.'))).toBe('locked');
		expect(
			errorCode(
				await request(phone.socket, 'table:dot', { tableId: phone.tableId, cardId, on: true })
			)
		).toBe('locked');
		const after = await current(phone);
		expect(after.table.deck).toEqual(before.table.deck);
		expect(after.notes.map((n) => n.text)).toEqual(['Før slutt.']);
	});
});
