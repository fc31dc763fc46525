import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { connect, nextEvent, request, type TestSocket } from '../helpers/socket';
import { listedConferences, type ListedConference } from '../helpers/conferences';
import { signIn } from '../helpers/http';
import { addNote, current, deck, errorCode, seat, type Seat } from '../helpers/table';
import type {
	PinnedNotesView,
	TableNoteView,
	TablePicks,
	TableSummary
} from '../../src/lib/realtime/table';

const postgresUrl = inject('postgresUrl');

describe("a table's notes and dot-vote", () => {
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

	beforeAll(async () => {
		server = await startServer({ databaseUrl: postgresUrl });
		conferences = await listedConferences(server.url);
		staffCookie = await signIn(server.url);
	});
	afterAll(async () => {
		sockets.forEach((s) => s.disconnect());
		await server?.stop();
	});

	it('keeps every point written on several phones at once', async () => {
		const conference = conferences[11]!;
		const [a, b, c] = [
			await at(conference, 111),
			await at(conference, 111),
			await at(conference, 111)
		];
		const seenByC = new Set<string>();
		c.socket.on('table:note-changed', (e: { note: TableNoteView }) => seenByC.add(e.note.text));
		const texts = Array.from({ length: 10 }, (_, i) => `Punkt ${i + 1} fra ${i % 2 ? 'A' : 'B'}`);
		const results = await Promise.all(texts.map((t, i) => addNote(i % 2 ? a : b, t)));
		expect(results.map(errorCode)).toEqual(texts.map(() => 'ok'));
		expect((await current(c)).notes.map((n) => n.text).sort()).toEqual([...texts].sort());
		await expect.poll(() => seenByC.size).toBe(10);

		// The same point sent again (an answer lost on weak Wi-Fi) is stored once.
		const noteId = crypto.randomUUID();
		const [once, again] = [
			await addNote(a, 'Bare én gang', null, noteId),
			await addNote(a, 'Bare én gang', null, noteId)
		];
		expect(once.ok && again.ok && again.data.id).toBe(noteId);
		expect((await current(a)).notes.filter((n) => n.text === 'Bare én gang')).toHaveLength(1);
	});

	it('gives every phone its own table whole when phones of many tables say hello at once', async () => {
		const conference = conferences[11]!;
		const numbers = [121, 122, 123, 124];
		const seats: Seat[] = [];
		for (const number of numbers) {
			seats.push(await at(conference, number), await at(conference, number));
		}
		// Each table draws a card and writes a point of its own.
		for (const number of numbers) {
			const first = seats[numbers.indexOf(number) * 2]!;
			expect(errorCode(await deck(first, 'draw', first.snapshot.table.deck.version))).toBe('ok');
			expect(errorCode(await addNote(first, `Punkt fra bord ${number}`))).toBe('ok');
		}
		// A hall's Wi-Fi comes back: every phone asks at the same moment.
		const snapshots = await Promise.all(seats.map((s) => current(s)));
		snapshots.forEach((snapshot, i) => {
			const number = numbers[Math.floor(i / 2)]!;
			expect(snapshot.table.tableId).toBe(seats[i]!.tableId);
			expect(snapshot.table.tableNumber).toBe(number);
			expect(snapshot.table.current).not.toBeNull();
			expect(snapshot.notes.map((n) => n.text)).toEqual([`Punkt fra bord ${number}`]);
		});
		expect(new Set(snapshots.map((s) => s.table.tableId)).size).toBe(numbers.length);
	});

	it('edits and removes one point at a time, never over someone else’s edit', async () => {
		const conference = conferences[11]!;
		const [a, b] = [await at(conference, 112), await at(conference, 112)];
		const added = await addNote(a, 'Ledelse  må\n tydeliggjøres ');
		expect(added.ok && added.data.text).toBe('Ledelse må tydeliggjøres');
		const note = added.ok ? added.data : (undefined as never);
		const other = await addNote(b, 'Et annet punkt');

		const edit = (s: typeof a, text: string, seen: string) =>
			request<TableNoteView>(s.socket, 'table:note-edit', {
				tableId: a.tableId,
				noteId: note.id,
				text,
				expectedUpdatedAt: seen
			});
		// Two phones edit the same point from the same version: one wins, one is told.
		const [first, second] = await Promise.all([
			edit(a, 'Ledelse må bli tydeligere', note.updatedAt),
			edit(b, 'Ledere må tydeliggjøre', note.updatedAt)
		]);
		expect([first, second].map(errorCode).sort()).toEqual(['conflict', 'ok']);
		const winner = (first.ok ? first : second) as { ok: true; data: TableNoteView };
		expect(winner.data.updatedAt > note.updatedAt).toBe(true);
		const newer = await edit(b, 'Nyere tekst', winner.data.updatedAt);
		expect(errorCode(newer)).toBe('ok');
		// A phone coming back reads the points as the phones were told, in the order written; the
		// edit time it reads is the one the next edit must name.
		expect((await current(a)).notes).toEqual([newer.ok && newer.data, other.ok && other.data]);

		const removed = nextEvent<{ noteId: string }>(b.socket, 'table:note-removed');
		expect(
			await request(a.socket, 'table:note-remove', { tableId: a.tableId, noteId: note.id })
		).toEqual({
			ok: true,
			data: { noteId: note.id }
		});
		expect((await removed).noteId).toBe(note.id);
		expect(errorCode(await edit(b, 'For sent', winner.data.updatedAt))).toBe('not_found');
		expect((await current(b)).notes.map((n) => n.id)).toEqual([other.ok && other.data.id]);
	});

	it('refuses a point that is empty, too long or over the table’s limit, with a clear message', async () => {
		const conference = conferences[12]!;
		const phone = await at(conference, 113);
		expect(await addNote(phone, ' \n\t ')).toMatchObject({
			ok: false,
			error: { code: 'bad_request', message: 'Skriv noe før du lagrer punktet.' }
		});
		expect(await addNote(phone, 'å'.repeat(281))).toMatchObject({
			ok: false,
			error: { code: 'too_large', message: 'Punktet kan ha høyst 280 tegn (nå 281).' }
		});
		expect(errorCode(await addNote(phone, 'å'.repeat(280)))).toBe('ok');
		expect(errorCode(await addNote(phone, 'x'.repeat(20_000)))).toBe('bad_request');

		// The whole table fills the list: one phone alone would meet its rate limit first.
		const table = [
			phone,
			...(await Promise.all(Array.from({ length: 7 }, () => at(conference, 113))))
		];
		for (let i = 1; i < 200; i += 20) {
			const batch = Array.from({ length: Math.min(20, 200 - i) }, (_, k) => i + k);
			await Promise.all(batch.map((n) => addNote(table[n % table.length]!, `Punkt ${n}`)));
		}
		expect((await current(phone)).notes).toHaveLength(200);
		expect(await addNote(table[1]!, 'Ett for mye')).toMatchObject({
			ok: false,
			error: { code: 'too_large', message: 'Bordet har nådd grensen på 200 punkter.' }
		});
		expect((await current(phone)).notes).toHaveLength(200);
	});

	it('lets each person put their dots on discussed cards and shows the facilitator each table’s pick', async () => {
		const conference = conferences[12]!;
		const [a, b] = [await at(conference, 114), await at(conference, 114)];
		let version = a.snapshot.table.deck.version;
		for (let i = 0; i < 4; i++) {
			const drawn = await deck(a, 'draw', version);
			const done = await deck(a, 'discuss', drawn.ok ? drawn.data.deck.version : -1);
			version = done.ok ? done.data.deck.version : -1;
		}
		const discussed = (await current(a)).table.discussed.map((c) => c.id);
		expect(discussed).toHaveLength(4);
		const facilitator = await staff();
		await request(facilitator, 'tables:watch', { conferenceId: conference.id });

		const dot = (s: typeof a, cardId: string, on = true) =>
			request<{ picks: TablePicks; myDots: string[] }>(s.socket, 'table:dot', {
				tableId: a.tableId,
				cardId,
				on
			});
		for (const id of discussed.slice(0, 3)) {
			expect(errorCode(await dot(a, id))).toBe('ok');
		}
		expect(await dot(a, discussed[3]!)).toMatchObject({ ok: false, error: { code: 'conflict' } });
		expect(errorCode(await dot(a, discussed[0]!))).toBe('ok'); // already there: no change
		expect(await dot(a, 'kort-77')).toMatchObject({ ok: false, error: { code: 'conflict' } });

		const seenByA = nextEvent<TablePicks>(a.socket, 'table:picks-changed');
		const pick = nextEvent<TableSummary>(
			facilitator,
			'tables:summary',
			(s) => s.number === 114 && s.picks.length === 1
		);
		const mine = await dot(b, discussed[1]!);
		expect(mine.ok && mine.data.myDots).toEqual([discussed[1]]);
		expect((await seenByA).dots[0]).toEqual({ cardId: discussed[1], count: 2 });
		expect((await pick).picks).toEqual([
			{ cardId: discussed[1], number: expect.any(Number), count: 2 }
		]);
		const off = await dot(a, discussed[1]!, false);
		expect(off.ok && off.data.myDots).toEqual([discussed[0], discussed[2]]);
		// A phone coming back reads the table's dots as they are, and its own among them.
		const back = await current(b);
		expect(back.picks).toEqual(off.ok && off.data.picks);
		expect(back.myDots).toEqual([discussed[1]]);
	});

	it('pins a table’s notes to the big screen, and keeps them current there', async () => {
		const conference = conferences[13]!;
		const [phone, neighbour] = [await at(conference, 115), await at(conference, 116)];
		await addNote(phone, 'Tillit krever tid');
		const facilitator = await staff();
		const presenter = await staff();
		await request(presenter, 'presenter:watch', { conferenceId: conference.id });
		const watched = await request<{ agenda: { version: number } }>(facilitator, 'control:watch', {
			conferenceId: conference.id
		});
		expect(
			errorCode(await request(neighbour.socket, 'table:pinned', { tableId: phone.tableId }))
		).toBe('forbidden');
		const shown = await request(facilitator, 'control:agenda', {
			conferenceId: conference.id,
			action: { type: 'show', item: { type: 'table-notes', tableId: phone.tableId } },
			expectedVersion: watched.ok ? watched.data.agenda.version : -1
		});
		expect(shown.ok).toBe(true);

		const pinned = await request<PinnedNotesView>(presenter, 'table:pinned', {
			tableId: phone.tableId
		});
		expect(pinned.ok && pinned.data).toMatchObject({
			tableNumber: 115,
			groups: [{ card: null, notes: [{ text: 'Tillit krever tid' }] }]
		});
		// While it is shown to the room, every phone of the conference may read it too.
		expect(
			errorCode(await request(neighbour.socket, 'table:pinned', { tableId: phone.tableId }))
		).toBe('ok');
		const updated = nextEvent<PinnedNotesView>(presenter, 'table:pinned-changed');
		await addNote(phone, 'Og oppfølging');
		expect((await updated).groups[0]!.notes.map((n) => n.text)).toEqual([
			'Tillit krever tid',
			'Og oppfølging'
		]);
	});
});
