import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { nextEvent, type TestSocket } from '../helpers/socket';
import { listedConferences } from '../helpers/conferences';
import { addNote, current, deck, errorCode, seat, seatWith } from '../helpers/table';
import type { TableDeckView, TableNoteView } from '../../src/lib/realtime/table';

const postgresUrl = inject('postgresUrl');
const redisUrl = inject('redisUrl');

describe('a table that outlives its server', () => {
	const sockets: TestSocket[] = [];
	const servers: TestServer[] = [];
	let dataDir = '';
	afterAll(async () => {
		sockets.forEach((s) => s.disconnect());
		await Promise.all(servers.map((s) => s.stop()));
		if (dataDir) {
			await rm(dataDir, { recursive: true, force: true });
		}
	});

	it('keeps the card on the table and its notes through a restart', async () => {
		// The same database after the restart: PostgreSQL if given, else PGlite in a folder.
		dataDir = await mkdtemp(join(tmpdir(), 'droft-table-'));
		const env: Record<string, string> = postgresUrl ? {} : { DATA_DIR: dataDir };
		const options = { databaseUrl: postgresUrl, env };
		const before = await startServer(options);
		servers.push(before);
		const conference = (await listedConferences(before.url))[13]!;
		const phone = await seat(before.url, conference.joinCode, 121);
		sockets.push(phone.socket);
		const drawn = await deck(phone, 'draw', phone.snapshot.table.deck.version);
		expect(drawn.ok).toBe(true);
		expect(
			errorCode(await addNote(phone, 'Dette må huskes', drawn.ok ? drawn.data.current!.id : null))
		).toBe('ok');
		const kept = await current(phone);
		phone.socket.disconnect();
		expect(await before.stop()).toBe(0);

		const after = await startServer(options);
		servers.push(after);
		const again = await seatWith(after.url, phone.cookie);
		sockets.push(again.socket);
		expect(again.snapshot).toEqual(kept);
		expect(again.snapshot.table.current?.id).toBe(drawn.ok && drawn.data.current?.id);
		// The version carries on: a click from before the restart is stale, a fresh one applies.
		expect(errorCode(await deck(again, 'discuss', phone.snapshot.table.deck.version))).toBe(
			'stale_version'
		);
		expect(errorCode(await deck(again, 'discuss', kept.table.deck.version))).toBe('ok');
	});

	describe.skipIf(!postgresUrl || !redisUrl)(
		'on two nodes (needs DATABASE_URL and REDIS_URL)',
		() => {
			it('shows the same table on phones connected to different nodes', async () => {
				const [a, b] = await Promise.all([
					startServer({ databaseUrl: postgresUrl, redisUrl }),
					startServer({ databaseUrl: postgresUrl, redisUrl })
				]);
				servers.push(a, b);
				const conference = (await listedConferences(a.url))[14]!;
				const onA = await seat(a.url, conference.joinCode, 122);
				const onB = await seat(b.url, conference.joinCode, 122);
				sockets.push(onA.socket, onB.socket);
				expect(onB.snapshot.table).toEqual(onA.snapshot.table);

				const seenOnB = nextEvent<TableDeckView>(onB.socket, 'table:deck-changed');
				const drawn = await deck(onA, 'draw', onA.snapshot.table.deck.version);
				expect((await seenOnB).current?.id).toBe(drawn.ok && drawn.data.current?.id);

				const noteOnA = nextEvent<{ note: TableNoteView }>(onA.socket, 'table:note-changed');
				await addNote(onB, 'Skrevet på node B');
				expect((await noteOnA).note.text).toBe('Skrevet på node B');

				// Simultaneous draws through two nodes: still exactly one wins.
				const version = (await current(onA)).table.deck.version;
				const results = await Promise.all([
					deck(onA, 'skip', version),
					deck(onB, 'skip', version),
					deck(onA, 'skip', version),
					deck(onB, 'skip', version)
				]);
				expect(results.map(errorCode).sort()).toEqual([
					'ok',
					'stale_version',
					'stale_version',
					'stale_version'
				]);
				expect((await current(onB)).table).toEqual((await current(onA)).table);
			});
		}
	);
});
