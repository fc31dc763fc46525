import { describe, expect, it } from 'vitest';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { filesFromZip, isSafePath, MAX_UNPACKED_BYTES } from './zip-pack';

const zip = (files: Record<string, string | Uint8Array>) =>
	zipSync(
		Object.fromEntries(
			Object.entries(files).map(([path, body]) => [
				path,
				typeof body === 'string' ? strToU8(body) : body
			])
		) as Zippable
	);

describe('filesFromZip', () => {
	it('reads pack files at the root of the zip', () => {
		const result = filesFromZip(zip({ 'pack.json': '{}', 'booklet/01-forord.md': '# Forord' }));
		expect(result).toEqual({
			ok: true,
			files: { 'pack.json': '{}', 'booklet/01-forord.md': '# Forord' }
		});
	});

	it('strips one top folder that holds every file', () => {
		const result = filesFromZip(
			zip({ 'ks-2022/pack.json': '{}', 'ks-2022/booklet/01-forord.md': 'Tekst' })
		);
		expect(result).toEqual({
			ok: true,
			files: { 'pack.json': '{}', 'booklet/01-forord.md': 'Tekst' }
		});
	});

	it('reads only pack files, skipping hidden files, macOS extras and other types', () => {
		const result = filesFromZip(
			zip({
				'ks-2022/pack.json': '{}',
				'ks-2022/deck.yaml': 'a: 1',
				'ks-2022/.DS_Store': 'x',
				'ks-2022/.hidden/x.json': '{}',
				'__MACOSX/ks-2022/._pack.json': 'x',
				'ks-2022/logo.png': new Uint8Array([137, 80, 78, 71])
			})
		);
		expect(result).toEqual({ ok: true, files: { 'pack.json': '{}', 'deck.yaml': 'a: 1' } });
	});

	it('refuses a zip with a path that climbs out of its folder', () => {
		const result = filesFromZip(zip({ 'pack.json': '{}', '../../etc/evil.json': '{}' }));
		expect(result).toEqual({
			ok: false,
			error: { code: 'unsafe_path', path: '../../etc/evil.json' }
		});
	});

	it('refuses what is not a zip, an empty zip and text that is not UTF-8', () => {
		expect(filesFromZip(strToU8('{"not": "a zip"}'))).toEqual({
			ok: false,
			error: { code: 'not_zip' }
		});
		expect(filesFromZip(zip({ 'bilde.png': 'x' }))).toEqual({
			ok: false,
			error: { code: 'empty' }
		});
		expect(filesFromZip(zip({ 'pack.json': new Uint8Array([0xff, 0xfe, 0x00]) }))).toEqual({
			ok: false,
			error: { code: 'not_utf8', path: 'pack.json' }
		});
	});

	it('refuses a zip that unpacks to more than the limit', () => {
		const big = new Uint8Array(MAX_UNPACKED_BYTES + 1).fill(32);
		expect(filesFromZip(zip({ 'pack.json': big }))).toEqual({
			ok: false,
			error: { code: 'too_large' }
		});
	});
});

describe('isSafePath', () => {
	it.each([
		['pack.json', true],
		['ks-2022/booklet/01-forord.md', true],
		['ks-2022/', true],
		['../pack.json', false],
		['ks-2022/../../x.json', false],
		['/etc/passwd', false],
		['C:/x.json', false],
		['ks-2022\\..\\x.json', false],
		['a//b.json', false],
		['./pack.json', false]
	])('%s → %s', (path, safe) => {
		expect(isSafePath(path)).toBe(safe);
	});
});
