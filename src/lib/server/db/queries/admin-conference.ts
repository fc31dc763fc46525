import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import {
	conferenceFacilitators,
	conferences,
	participants,
	regions,
	rounds,
	staffUsers,
	verifiedCodes
} from '../schema';

/** Queries behind the admin page of one conference: details, facilitators, participation, codes. */

export interface ConferenceValues {
	regionId: string;
	title: string;
	startsOn: string | null;
	place: string | null;
	status: string;
	verified: boolean;
}

export interface ConferenceDetail extends ConferenceValues {
	id: string;
	roundId: string;
	roundName: string;
	regionName: string;
	joinCode: string;
}

export async function findConferenceDetail(
	db: DbOrTx,
	id: string
): Promise<ConferenceDetail | undefined> {
	const [row] = await db
		.select({
			id: conferences.id,
			roundId: conferences.roundId,
			roundName: rounds.name,
			regionId: conferences.regionId,
			regionName: regions.name,
			title: conferences.title,
			startsOn: conferences.startsOn,
			place: conferences.place,
			status: conferences.status,
			verified: conferences.verified,
			joinCode: conferences.joinCode
		})
		.from(conferences)
		.innerJoin(rounds, eq(rounds.id, conferences.roundId))
		.innerJoin(regions, eq(regions.id, conferences.regionId))
		.where(eq(conferences.id, id));
	return row;
}

/** Inserts the conference unless the join code is taken; undefined then, so the caller retries. */
export async function insertConferenceWithCode(
	db: DbOrTx,
	roundId: string,
	values: ConferenceValues,
	joinCode: string
): Promise<string | undefined> {
	const [row] = await db
		.insert(conferences)
		.values({ ...values, roundId, joinCode })
		.onConflictDoNothing({ target: conferences.joinCode })
		.returning({ id: conferences.id });
	return row?.id;
}

export async function updateConference(
	db: DbOrTx,
	id: string,
	values: ConferenceValues
): Promise<boolean> {
	const rows = await db
		.update(conferences)
		.set(values)
		.where(eq(conferences.id, id))
		.returning({ id: conferences.id });
	return rows.length === 1;
}

export async function regionOfRound(db: DbOrTx, roundId: string, regionId: string) {
	const [row] = await db
		.select({ id: regions.id })
		.from(regions)
		.where(and(eq(regions.id, regionId), eq(regions.roundId, roundId)));
	return row !== undefined;
}

export async function listFacilitators(db: DbOrTx, conferenceId: string) {
	return db
		.select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email })
		.from(conferenceFacilitators)
		.innerJoin(staffUsers, eq(staffUsers.id, conferenceFacilitators.staffId))
		.where(eq(conferenceFacilitators.conferenceId, conferenceId))
		.orderBy(asc(staffUsers.name));
}

export async function insertFacilitator(db: DbOrTx, conferenceId: string, staffId: string) {
	await db.insert(conferenceFacilitators).values({ conferenceId, staffId }).onConflictDoNothing();
}

export async function deleteFacilitator(db: DbOrTx, conferenceId: string, staffId: string) {
	await db
		.delete(conferenceFacilitators)
		.where(
			and(
				eq(conferenceFacilitators.conferenceId, conferenceId),
				eq(conferenceFacilitators.staffId, staffId)
			)
		);
}

export async function staffExists(db: DbOrTx, staffId: string): Promise<boolean> {
	const rows = await db
		.select({ id: staffUsers.id })
		.from(staffUsers)
		.where(eq(staffUsers.id, staffId));
	return rows.length > 0;
}

/** Participants of the conference per role. */
export async function countParticipantsByRole(db: DbOrTx, conferenceId: string) {
	return db
		.select({ role: participants.role, participants: count() })
		.from(participants)
		.where(eq(participants.conferenceId, conferenceId))
		.groupBy(participants.role)
		.orderBy(participants.role);
}

/** How many personal codes the conference has, and how many are used. */
export async function countVerifiedCodes(db: DbOrTx, conferenceId: string) {
	const [row] = await db
		.select({
			total: count(),
			used: sql<number>`count(${verifiedCodes.usedAt})::int`
		})
		.from(verifiedCodes)
		.where(eq(verifiedCodes.conferenceId, conferenceId));
	return { total: row?.total ?? 0, used: row?.used ?? 0 };
}

/** Inserts the codes that are not taken by any conference; returns those inserted. */
export async function insertVerifiedCodes(
	db: DbOrTx,
	conferenceId: string,
	codes: string[]
): Promise<string[]> {
	if (codes.length === 0) {
		return [];
	}
	const rows = await db
		.insert(verifiedCodes)
		.values(codes.map((code) => ({ conferenceId, code })))
		.onConflictDoNothing({ target: verifiedCodes.code })
		.returning({ code: verifiedCodes.code });
	return rows.map((r) => r.code);
}

export async function listUnusedVerifiedCodes(db: DbOrTx, conferenceId: string): Promise<string[]> {
	const rows = await db
		.select({ code: verifiedCodes.code })
		.from(verifiedCodes)
		.where(and(eq(verifiedCodes.conferenceId, conferenceId), isNull(verifiedCodes.usedAt)))
		.orderBy(asc(verifiedCodes.code));
	return rows.map((r) => r.code);
}
