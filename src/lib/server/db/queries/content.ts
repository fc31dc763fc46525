import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { conferences, contentPacks, rounds } from '../schema';
import type { ContentPack } from '$lib/content/schema';

export interface PackVersion {
	id: string;
	packId: string;
	version: string;
	title: string;
	importedAt: Date;
}

const versionColumns = {
	id: contentPacks.id,
	packId: contentPacks.packId,
	version: contentPacks.version,
	title: contentPacks.title,
	importedAt: contentPacks.importedAt
};

export async function listPackVersions(db: DbOrTx): Promise<PackVersion[]> {
	return db
		.select(versionColumns)
		.from(contentPacks)
		.orderBy(contentPacks.packId, desc(contentPacks.importedAt));
}

export async function findPackVersion(db: DbOrTx, packId: string, version: string) {
	const [row] = await db
		.select({ id: contentPacks.id, checksum: contentPacks.checksum })
		.from(contentPacks)
		.where(and(eq(contentPacks.packId, packId), eq(contentPacks.version, version)));
	return row;
}

export async function insertPackVersion(
	db: DbOrTx,
	values: { packId: string; version: string; title: string; checksum: string; data: ContentPack }
): Promise<string> {
	const [row] = await db.insert(contentPacks).values(values).returning({ id: contentPacks.id });
	return row!.id;
}

/** The stored pack of one version. */
export async function loadPackData(db: DbOrTx, id: string): Promise<ContentPack | undefined> {
	const [row] = await db
		.select({ data: contentPacks.data })
		.from(contentPacks)
		.where(eq(contentPacks.id, id));
	return row?.data as ContentPack | undefined;
}

/** The id of the pack version a conference's round uses, if it has one. */
export async function packIdForConference(db: DbOrTx, conferenceId: string) {
	const [row] = await db
		.select({ packId: rounds.contentPackId })
		.from(conferences)
		.innerJoin(rounds, eq(rounds.id, conferences.roundId))
		.where(eq(conferences.id, conferenceId));
	return row?.packId ?? null;
}

/** Rounds without a pack get `packVersionId` (the demo round after the bundled import). */
export async function assignPackToRoundsWithout(db: DbOrTx, packVersionId: string) {
	await db.update(rounds).set({ contentPackId: packVersionId }).where(isNull(rounds.contentPackId));
}
