import { unzipSync } from 'fflate';

/** Largest upload accepted, and largest total of the pack files inside it once unpacked. */
export const MAX_ZIP_BYTES = 5 * 1024 * 1024;
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;

const PACK_FILE = /\.(?:json|md|ya?ml)$/i;

export type ZipError =
	| { code: 'not_zip' }
	| { code: 'too_large' }
	| { code: 'unsafe_path'; path: string }
	| { code: 'not_utf8'; path: string }
	| { code: 'empty' };

export type ZipResult =
	{ ok: true; files: Record<string, string> } | { ok: false; error: ZipError };

/**
 * Reads an uploaded pack zip into the `{ relativePath: text }` record `parsePack` takes. The
 * files may sit at the root of the zip or inside one top folder (zipping the pack folder
 * itself). Only .json, .md, .yaml and .yml files are read; hidden files and macOS `__MACOSX/`
 * extras are skipped. A zip with any path that could climb out of a folder is refused whole.
 */
export function filesFromZip(bytes: Uint8Array): ZipResult {
	if (bytes.byteLength > MAX_ZIP_BYTES) {
		return { ok: false, error: { code: 'too_large' } };
	}
	let unsafe: string | undefined;
	let unpacked = 0;
	let entries: Record<string, Uint8Array>;
	try {
		entries = unzipSync(bytes, {
			filter(file) {
				if (!isSafePath(file.name)) {
					unsafe ??= file.name;
					return false;
				}
				if (!isPackFile(file.name)) {
					return false;
				}
				// Sizes are as declared; fflate never writes more than the declared size.
				unpacked += file.originalSize;
				return unpacked <= MAX_UNPACKED_BYTES;
			}
		});
	} catch {
		return { ok: false, error: { code: 'not_zip' } };
	}
	if (unsafe !== undefined) {
		return { ok: false, error: { code: 'unsafe_path', path: unsafe } };
	}
	if (unpacked > MAX_UNPACKED_BYTES) {
		return { ok: false, error: { code: 'too_large' } };
	}
	const paths = Object.keys(entries);
	if (paths.length === 0) {
		return { ok: false, error: { code: 'empty' } };
	}
	const prefix = sharedTopFolder(paths);
	const decoder = new TextDecoder('utf-8', { fatal: true });
	const files: Record<string, string> = {};
	for (const path of paths) {
		try {
			files[path.slice(prefix.length)] = decoder.decode(entries[path]);
		} catch {
			return { ok: false, error: { code: 'not_utf8', path } };
		}
	}
	return { ok: true, files };
}

/**
 * Whether a zip entry name stays inside the folder it is unpacked into: forward slashes only,
 * relative, no `..` or `.` segment, no drive letter, no control characters.
 */
export function isSafePath(name: string): boolean {
	// eslint-disable-next-line no-control-regex -- control characters are what it refuses
	if (name === '' || /[\\\u0000-\u001f]/.test(name) || name.startsWith('/')) {
		return false;
	}
	if (/^[a-zA-Z]:/.test(name)) {
		return false;
	}
	const segments = name.split('/');
	// A folder entry ends with "/", leaving one empty last segment.
	const inner = name.endsWith('/') ? segments.slice(0, -1) : segments;
	return inner.every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

function isPackFile(name: string): boolean {
	if (name.endsWith('/') || !PACK_FILE.test(name)) {
		return false;
	}
	const segments = name.split('/');
	return segments[0] !== '__MACOSX' && segments.every((segment) => !segment.startsWith('.'));
}

/** "ks-2022/" when every path sits inside that one folder; "" otherwise. */
function sharedTopFolder(paths: string[]): string {
	const first = paths[0]!.split('/');
	if (first.length < 2) {
		return '';
	}
	const prefix = `${first[0]}/`;
	return paths.every((path) => path.startsWith(prefix) && path.length > prefix.length)
		? prefix
		: '';
}
