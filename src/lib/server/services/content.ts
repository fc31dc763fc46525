import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { resolve } from 'node:path';
import { parsePack } from '$lib/content/parse';
import type { ContentPack, Problem } from '$lib/content/schema';
import type { Db, DbOrTx } from '../db';
import type { Logger } from '../log';
import { listPacks, readPack } from '../content/read-pack';
import {
	assignPackToRoundsWithout,
	findPackVersion,
	insertPackVersion,
	loadPackData,
	packIdForConference
} from '../db/queries/content';

/** A pack that failed validation: every problem with its file and field. Nothing was stored. */
export class ContentPackError extends Error {
	constructor(readonly problems: Problem[]) {
		super(problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n'));
	}
}

export type ImportResult =
	| { status: 'imported'; id: string; pack: ContentPack }
	| { status: 'unchanged'; id: string; pack: ContentPack };

/**
 * Validates and stores one version of a pack, all or nothing. The same files again change
 * nothing; other files under an existing version are refused (bump the version instead).
 */
export async function importPack(db: Db, files: Record<string, string>): Promise<ImportResult> {
	const parsed = parsePack(files);
	if (!parsed.ok) {
		throw new ContentPackError(parsed.problems);
	}
	const pack = parsed.pack;
	const checksum = createHash('sha256').update(JSON.stringify(pack)).digest('hex');
	return db.transaction(async (tx) => {
		// Nodes starting together import the same packs: one at a time.
		await tx.execute(sql`select pg_advisory_xact_lock(7214003)`);
		const existing = await findPackVersion(tx, pack.meta.id, pack.meta.version);
		if (existing) {
			if (existing.checksum !== checksum) {
				throw new ContentPackError([
					{
						file: 'pack.json',
						field: 'version',
						message: `version ${pack.meta.version} of ${pack.meta.id} is already imported with other content: give the changed pack a new version`
					}
				]);
			}
			return { status: 'unchanged' as const, id: existing.id, pack };
		}
		const id = await insertPackVersion(tx, {
			packId: pack.meta.id,
			version: pack.meta.version,
			title: pack.meta.title,
			checksum,
			data: pack
		});
		return { status: 'imported' as const, id, pack };
	});
}

/** At start-up: import every pack under `content/` (idempotent); rounds without a pack get the last. */
export async function importBundledPacks(db: Db, log: Logger, root = resolve('content')) {
	let last: string | undefined;
	for (const { id, dir } of await listPacks(root)) {
		const result = await importPack(db, await readPack(dir));
		log.info('content pack', {
			pack: id,
			version: result.pack.meta.version,
			status: result.status
		});
		last = result.id;
	}
	if (last) {
		await assignPackToRoundsWithout(db, last);
	}
}

// A stored pack version never changes, so each node may keep the ones it has read.
const cache = new Map<string, ContentPack>();

/** The stored pack version; none for no id (a round without a pack). */
export async function packById(
	db: DbOrTx,
	id: string | null | undefined
): Promise<ContentPack | undefined> {
	if (!id) {
		return undefined;
	}
	const cached = cache.get(id);
	if (cached) {
		return cached;
	}
	const pack = await loadPackData(db, id);
	if (pack) {
		cache.set(id, pack);
	}
	return pack;
}

/** The content pack of the conference's round, if the round has one. */
export async function packForConference(db: DbOrTx, conferenceId: string) {
	return packById(db, await packIdForConference(db, conferenceId));
}
