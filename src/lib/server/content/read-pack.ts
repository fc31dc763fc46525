import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

const PACK_FILE = /\.(?:json|md|ya?ml)$/;

/**
 * Reads a pack folder into the `{ relativePath: text }` record `parsePack` takes. Recursive;
 * only .json, .md, .yaml and .yml files; hidden files and folders are skipped.
 */
export async function readPack(dir: string): Promise<Record<string, string>> {
	const files: Record<string, string> = {};
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	for (const entry of entries) {
		if (!entry.isFile() || !PACK_FILE.test(entry.name)) {
			continue;
		}
		const path = join(entry.parentPath, entry.name);
		const key = relative(dir, path).split(sep).join('/');
		if (key.split('/').some((part) => part.startsWith('.'))) {
			continue;
		}
		files[key] = await readFile(path, 'utf8');
	}
	return files;
}

/** Every pack folder under `root` (each non-hidden sub-folder), sorted by name. */
export async function listPacks(root: string): Promise<{ id: string; dir: string }[]> {
	const entries = await readdir(root, { withFileTypes: true });
	return entries
		.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
		.map((entry) => ({ id: entry.name, dir: join(root, entry.name) }))
		.sort((a, b) => a.id.localeCompare(b.id));
}
