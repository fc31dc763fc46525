import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readPack } from '../../src/lib/server/content/read-pack';
import { startServer, type TestServer } from '../helpers/server';
import { listedConferences } from '../helpers/conferences';
import { joinAsParticipant, signIn } from '../helpers/http';

const postgresUrl = inject('postgresUrl');

type Files = Record<string, string>;

/** A zip of pack files, inside one top folder (as zipping the folder itself gives) or not. */
function zipPack(files: Files, folder = 'ks-2022') {
	const prefix = folder ? `${folder}/` : '';
	return zipSync(
		Object.fromEntries(Object.entries(files).map(([path, text]) => [prefix + path, strToU8(text)]))
	);
}

/** The bundled pack with one JSON file changed. */
function withJson(files: Files, file: string, change: (data: Record<string, unknown>) => void) {
	const data = JSON.parse(files[file]!) as Record<string, unknown>;
	change(data);
	return { ...files, [file]: JSON.stringify(data, null, '\t') };
}

const bumped = (files: Files, version: string) =>
	withJson(files, 'pack.json', (pack) => (pack.version = version));

describe('content packs', () => {
	let server: TestServer;
	let dataDir: string | undefined;
	let admin: string;
	let bundled: Files;

	/** "pack@version" of every stored pack version, as the admin page lists them. */
	async function versions(): Promise<string[]> {
		const response = await fetch(`${server.url}/admin/content`, { headers: { cookie: admin } });
		expect(response.status).toBe(200);
		const html = await response.text();
		return [...html.matchAll(/data-pack-version="([^"]+)"/g)].map((m) => m[1]!).sort();
	}

	function upload(zip: Uint8Array, cookie = admin) {
		const form = new FormData();
		form.append('pack', new Blob([new Uint8Array(zip)], { type: 'application/zip' }), 'pakke.zip');
		return fetch(`${server.url}/admin/content`, {
			method: 'POST',
			redirect: 'manual',
			// As a browser without JavaScript posts it: the answer is the page, not JSON.
			headers: { origin: server.url, accept: 'text/html', ...(cookie ? { cookie } : {}) },
			body: form
		});
	}

	const start = () =>
		startServer(
			postgresUrl ? { databaseUrl: postgresUrl } : { env: { DATA_DIR: dataDir ?? 'memory://' } }
		);

	beforeAll(async () => {
		bundled = await readPack(resolve('content/ks-2022'));
		if (!postgresUrl) {
			dataDir = await mkdtemp(join(tmpdir(), 'droft-content-'));
		}
	});
	afterAll(async () => {
		await server?.stop();
		if (dataDir) {
			await rm(dataDir, { recursive: true, force: true });
		}
	});

	it('imports the bundled pack once, and not again after a restart on the same database', async () => {
		server = await start();
		admin = await signIn(server.url);
		const first = await versions();
		expect(first.filter((v) => v === 'ks-2022@2022.1')).toHaveLength(1);
		// On a shared PostgreSQL database an earlier test file may have imported it already.
		expect(server.logs).toContainEqual(
			expect.objectContaining({
				msg: 'content pack',
				pack: 'ks-2022',
				status: postgresUrl ? expect.stringMatching(/^(imported|unchanged)$/) : 'imported'
			})
		);

		await server.stop();
		server = await start();
		admin = await signIn(server.url);
		expect(await versions()).toEqual(first);
		expect(server.logs).toContainEqual(
			expect.objectContaining({ msg: 'content pack', pack: 'ks-2022', status: 'unchanged' })
		);
	});

	it('answers an upload of the same pack with "unchanged" and stores nothing', async () => {
		const before = await versions();
		const response = await upload(zipPack(bundled));
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('data-status="unchanged"');
		expect(html).toContain('Uendret (samme versjon og innhold): ks-2022 versjon 2022.1');
		expect(await versions()).toEqual(before);
	});

	it('stores a pack with a new version beside the old one', async () => {
		const before = await versions();
		// Files at the root of the zip this time.
		const response = await upload(zipPack(bumped(bundled, '2022.2'), ''));
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('data-status="imported"');
		expect(html).toContain('Importert: ks-2022 versjon 2022.2');
		expect(await versions()).toEqual([...before, 'ks-2022@2022.2'].sort());
	});

	it.each([
		{
			broken: 'bad JSON',
			files: (f: Files) => ({ ...bumped(f, '2022.3'), 'deck.json': '{ "title": ' }),
			file: 'deck.json',
			field: '(file)'
		},
		{
			broken: 'a missing field',
			files: (f: Files) => withJson(bumped(f, '2022.3'), 'pack.json', (pack) => delete pack.title),
			file: 'pack.json',
			field: 'title'
		},
		{
			broken: 'a dangling reference',
			files: (f: Files) =>
				withJson(bumped(f, '2022.3'), 'deck.json', (deck) => {
					(deck.cards as { themeId: string }[])[0]!.themeId = 'finnes-ikke';
				}),
			file: 'deck.json',
			field: 'cards.0.themeId'
		}
	])('refuses a pack with $broken, naming file and field, and stores nothing', async (c) => {
		const before = await versions();
		const response = await upload(zipPack(c.files(bundled)));
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('Pakken ble ikke importert, og ingenting er lagret.');
		expect(html).toContain(`<code>${c.file}</code>: <code>${c.field}</code>:`);
		expect(await versions()).toEqual(before);
	});

	it('refuses what is not a pack zip: no zip, a path out of the folder', async () => {
		const before = await versions();
		const notZip = await upload(strToU8('{"id": "ks-2022"}'));
		expect(notZip.status).toBe(400);
		expect(await notZip.text()).toContain('Filen er ikke en zip-fil som kan leses.');
		const traversal = await upload(
			zipSync({
				'pack.json': strToU8(bundled['pack.json']!),
				'../utenfor.json': strToU8('{}')
			})
		);
		expect(traversal.status).toBe(400);
		expect(await traversal.text()).toContain('Zip-filen har en ugyldig filsti: ../utenfor.json');
		expect(await versions()).toEqual(before);
	});

	it('refuses an upload over 5 MB', async () => {
		const before = await versions();
		const response = await upload(new Uint8Array(5 * 1024 * 1024 + 1));
		// 413 from the action, or from the server's own body limit when that is lower.
		expect(response.status).toBe(413);
		expect(await versions()).toEqual(before);
	});

	it('lets no participant or visitor upload a pack or see the list', async () => {
		const before = await versions();
		const [conference] = await listedConferences(server.url);
		const participant = await joinAsParticipant(server.url, conference!.joinCode);
		for (const cookie of [participant, '']) {
			const response = await upload(zipPack(bumped(bundled, '2022.9')), cookie);
			expect(response.status).toBe(303);
			expect(response.headers.get('location')).toMatch(/^\/login\?next=/);
			const page = await fetch(`${server.url}/admin/content`, {
				redirect: 'manual',
				headers: cookie ? { cookie } : {}
			});
			expect(page.status).toBe(303);
		}
		expect(await versions()).toEqual(before);
	});
});
