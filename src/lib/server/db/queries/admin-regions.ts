import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { conferences, regions } from '../schema';

/** A round's own regions, each mapped to today's counties. */

export interface RegionRow {
	id: string;
	code: string;
	name: string;
	countyCodes: string[];
}

export async function listRegions(db: DbOrTx, roundId: string): Promise<RegionRow[]> {
	return db
		.select({
			id: regions.id,
			code: regions.code,
			name: regions.name,
			countyCodes: regions.countyCodes
		})
		.from(regions)
		.where(eq(regions.roundId, roundId))
		.orderBy(asc(regions.code));
}

/** Whether another region of the round (not `exceptId`) already has `code`. */
export async function regionCodeTaken(
	db: DbOrTx,
	roundId: string,
	code: string,
	exceptId?: string
): Promise<boolean> {
	const rows = await db
		.select({ id: regions.id })
		.from(regions)
		.where(
			and(
				eq(regions.roundId, roundId),
				eq(regions.code, code),
				exceptId ? ne(regions.id, exceptId) : undefined
			)
		);
	return rows.length > 0;
}

export async function insertRegions(
	db: DbOrTx,
	roundId: string,
	values: { code: string; name: string; countyCodes: string[] }[]
): Promise<number> {
	if (values.length === 0) {
		return 0;
	}
	const rows = await db
		.insert(regions)
		.values(values.map((v) => ({ ...v, roundId })))
		.onConflictDoNothing()
		.returning({ id: regions.id });
	return rows.length;
}

export async function updateRegion(
	db: DbOrTx,
	roundId: string,
	id: string,
	values: { code: string; name: string; countyCodes: string[] }
): Promise<boolean> {
	const rows = await db
		.update(regions)
		.set(values)
		.where(and(eq(regions.id, id), eq(regions.roundId, roundId)))
		.returning({ id: regions.id });
	return rows.length === 1;
}

export async function deleteRegion(db: DbOrTx, roundId: string, id: string): Promise<boolean> {
	const rows = await db
		.delete(regions)
		.where(and(eq(regions.id, id), eq(regions.roundId, roundId)))
		.returning({ id: regions.id });
	return rows.length === 1;
}

export async function countConferencesInRegion(db: DbOrTx, regionId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(conferences)
		.where(eq(conferences.regionId, regionId));
	return row?.n ?? 0;
}
