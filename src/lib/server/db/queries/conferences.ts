import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { conferences, regions, rounds } from '../schema';
import type { ConferenceSummary } from '$lib/realtime/events';

const summaryColumns = {
	id: conferences.id,
	title: conferences.title,
	regionName: regions.name,
	joinCode: conferences.joinCode,
	status: conferences.status
};

export async function findConferenceByJoinCode(
	db: DbOrTx,
	joinCode: string
): Promise<ConferenceSummary | undefined> {
	const [row] = await db
		.select(summaryColumns)
		.from(conferences)
		.innerJoin(regions, eq(regions.id, conferences.regionId))
		.where(eq(conferences.joinCode, joinCode));
	return row;
}

export async function findConferenceById(
	db: DbOrTx,
	id: string
): Promise<ConferenceSummary | undefined> {
	const [row] = await db
		.select(summaryColumns)
		.from(conferences)
		.innerJoin(regions, eq(regions.id, conferences.regionId))
		.where(eq(conferences.id, id));
	return row;
}

export interface ConferenceListItem extends ConferenceSummary {
	roundName: string;
}

/** Every conference with its round and region, by round then region name. */
export async function listConferences(db: DbOrTx): Promise<ConferenceListItem[]> {
	return db
		.select({ ...summaryColumns, roundName: rounds.name })
		.from(conferences)
		.innerJoin(regions, eq(regions.id, conferences.regionId))
		.innerJoin(rounds, eq(rounds.id, conferences.roundId))
		.orderBy(asc(rounds.createdAt), asc(regions.name));
}

export async function countRounds(db: DbOrTx): Promise<number> {
	const rows = await db.select({ id: rounds.id }).from(rounds).limit(1);
	return rows.length;
}
