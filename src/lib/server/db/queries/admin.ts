import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import {
	conferenceFacilitators,
	conferences,
	contentPacks,
	participants,
	regions,
	rounds,
	staffUsers
} from '../schema';

/**
 * Queries behind the admin overview and the round pages. Regions: admin-regions.ts; one
 * conference's details: admin-conference.ts.
 */

export interface RoundRow {
	id: string;
	name: string;
	status: string;
	contentPackId: string | null;
}

export interface OverviewConference {
	id: string;
	roundId: string;
	regionId: string;
	regionName: string;
	title: string;
	startsOn: string | null;
	place: string | null;
	status: string;
	joinCode: string;
	verified: boolean;
	participants: number;
	facilitators: string[];
}

const roundColumns = {
	id: rounds.id,
	name: rounds.name,
	status: rounds.status,
	contentPackId: rounds.contentPackId
};

export async function listRounds(db: DbOrTx): Promise<RoundRow[]> {
	return db.select(roundColumns).from(rounds).orderBy(desc(rounds.createdAt));
}

export async function findRound(db: DbOrTx, id: string): Promise<RoundRow | undefined> {
	const [row] = await db.select(roundColumns).from(rounds).where(eq(rounds.id, id));
	return row;
}

/** Conferences with their participant count and facilitators; only `staffId`'s when given. */
export async function listOverviewConferences(
	db: DbOrTx,
	filter: { roundId?: string; staffId?: string } = {}
): Promise<OverviewConference[]> {
	const base = db
		.select({
			id: conferences.id,
			roundId: conferences.roundId,
			regionId: conferences.regionId,
			regionName: regions.name,
			title: conferences.title,
			startsOn: conferences.startsOn,
			place: conferences.place,
			status: conferences.status,
			joinCode: conferences.joinCode,
			verified: conferences.verified
		})
		.from(conferences)
		.innerJoin(regions, eq(regions.id, conferences.regionId));
	const where = filter.roundId ? eq(conferences.roundId, filter.roundId) : undefined;
	const rows = await (
		filter.staffId
			? base
					.innerJoin(
						conferenceFacilitators,
						and(
							eq(conferenceFacilitators.conferenceId, conferences.id),
							eq(conferenceFacilitators.staffId, filter.staffId)
						)
					)
					.where(where)
			: base.where(where)
	).orderBy(asc(regions.name), asc(conferences.title));
	const ids = rows.map((r) => r.id);
	const [counts, names] = await Promise.all([
		participantCounts(db, ids),
		facilitatorNames(db, ids)
	]);
	return rows.map((r) => ({
		...r,
		participants: counts.get(r.id) ?? 0,
		facilitators: names.get(r.id) ?? []
	}));
}

async function participantCounts(db: DbOrTx, conferenceIds: string[]) {
	if (conferenceIds.length === 0) {
		return new Map<string, number>();
	}
	const rows = await db
		.select({ conferenceId: participants.conferenceId, n: count() })
		.from(participants)
		.where(inArray(participants.conferenceId, conferenceIds))
		.groupBy(participants.conferenceId);
	return new Map(rows.map((r) => [r.conferenceId, r.n]));
}

async function facilitatorNames(db: DbOrTx, conferenceIds: string[]) {
	const names = new Map<string, string[]>();
	if (conferenceIds.length === 0) {
		return names;
	}
	const rows = await db
		.select({ conferenceId: conferenceFacilitators.conferenceId, name: staffUsers.name })
		.from(conferenceFacilitators)
		.innerJoin(staffUsers, eq(staffUsers.id, conferenceFacilitators.staffId))
		.where(inArray(conferenceFacilitators.conferenceId, conferenceIds))
		.orderBy(asc(staffUsers.name));
	for (const row of rows) {
		names.set(row.conferenceId, [...(names.get(row.conferenceId) ?? []), row.name]);
	}
	return names;
}

export async function listContentPacks(db: DbOrTx) {
	return db
		.select({
			id: contentPacks.id,
			packId: contentPacks.packId,
			version: contentPacks.version,
			title: contentPacks.title
		})
		.from(contentPacks)
		.orderBy(asc(contentPacks.packId), desc(contentPacks.importedAt));
}

export async function contentPackExists(db: DbOrTx, id: string): Promise<boolean> {
	const rows = await db
		.select({ id: contentPacks.id })
		.from(contentPacks)
		.where(eq(contentPacks.id, id));
	return rows.length > 0;
}

export async function insertRound(
	db: DbOrTx,
	values: { name: string; status: string; contentPackId: string | null }
): Promise<string> {
	const [row] = await db.insert(rounds).values(values).returning({ id: rounds.id });
	return row!.id;
}

export async function updateRound(
	db: DbOrTx,
	id: string,
	values: { name: string; status: string; contentPackId: string | null }
): Promise<boolean> {
	const rows = await db
		.update(rounds)
		.set(values)
		.where(eq(rounds.id, id))
		.returning({ id: rounds.id });
	return rows.length === 1;
}
