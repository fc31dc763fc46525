import { randomInt } from 'node:crypto';
import { m } from '$lib/paraglide/messages';
import { generateJoinCode } from '$lib/domain/join-code';
import { generatePersonalCodes } from '$lib/domain/personal-code';
import { AppError } from '../errors';
import type { Db, DbOrTx } from '../db';
import reference from '../reference/norway-regions-2024.json';
import { contentPackExists, findRound, insertRound, updateRound } from '../db/queries/admin';
import {
	countConferencesInRegion,
	deleteRegion,
	insertRegions,
	regionCodeTaken,
	updateRegion
} from '../db/queries/admin-regions';
import {
	deleteFacilitator,
	insertConferenceWithCode,
	insertFacilitator,
	insertVerifiedCodes,
	regionOfRound,
	staffExists,
	updateConference,
	findConferenceDetail,
	type ConferenceValues
} from '../db/queries/admin-conference';

/** Admin use cases: rounds, their regions and conferences, facilitators, personal codes. */

type RoundValues = { name: string; status: string; contentPackId: string | null };
type RegionValues = { code: string; name: string; countyCodes: string[] };
type Random = (n: number) => number;

const MAX_ATTEMPTS = 20;

async function checkContentPack(db: DbOrTx, id: string | null) {
	if (id && !(await contentPackExists(db, id))) {
		throw new AppError('bad_request', m.admin_error_content_pack());
	}
}

export async function createRound(db: DbOrTx, values: RoundValues): Promise<string> {
	await checkContentPack(db, values.contentPackId);
	return insertRound(db, values);
}

export async function editRound(db: DbOrTx, id: string, values: RoundValues) {
	await checkContentPack(db, values.contentPackId);
	if (!(await updateRound(db, id, values))) {
		throw new AppError('not_found', m.admin_round_not_found());
	}
}

async function existingRound(db: DbOrTx, roundId: string) {
	if (!(await findRound(db, roundId))) {
		throw new AppError('not_found', m.admin_round_not_found());
	}
}

export async function addRegion(db: DbOrTx, roundId: string, values: RegionValues) {
	await existingRound(db, roundId);
	// The unique (round, code) index settles a race the check above cannot.
	if (
		(await regionCodeTaken(db, roundId, values.code)) ||
		(await insertRegions(db, roundId, [values])) === 0
	) {
		throw new AppError('conflict', m.admin_region_code_taken({ code: values.code }));
	}
}

export async function editRegion(
	db: DbOrTx,
	roundId: string,
	regionId: string,
	values: RegionValues
) {
	if (await regionCodeTaken(db, roundId, values.code, regionId)) {
		throw new AppError('conflict', m.admin_region_code_taken({ code: values.code }));
	}
	if (!(await updateRegion(db, roundId, regionId, values))) {
		throw new AppError('not_found', m.admin_region_not_found());
	}
}

/** Removes a region that has no conference yet; a region with one is kept, with a clear message. */
export async function removeRegion(db: DbOrTx, roundId: string, regionId: string) {
	if ((await countConferencesInRegion(db, regionId)) > 0) {
		throw new AppError('conflict', m.admin_region_in_use());
	}
	if (!(await deleteRegion(db, roundId, regionId))) {
		throw new AppError('not_found', m.admin_region_not_found());
	}
}

/** Adds today's counties (SSB 2024) that the round does not have yet; returns how many. */
export async function addTodaysCounties(db: DbOrTx, roundId: string): Promise<number> {
	await existingRound(db, roundId);
	return insertRegions(
		db,
		roundId,
		reference.counties.map((c) => ({ code: c.code, name: c.name, countyCodes: [c.code] }))
	);
}

/** Creates a conference in a region of the round, with a new unique join code. */
export async function createConference(
	db: DbOrTx,
	roundId: string,
	values: ConferenceValues,
	random: Random = randomInt
): Promise<string> {
	if (!(await regionOfRound(db, roundId, values.regionId))) {
		throw new AppError('bad_request', m.admin_error_region());
	}
	for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
		const id = await insertConferenceWithCode(db, roundId, values, generateJoinCode(random));
		if (id) {
			return id;
		}
	}
	throw new AppError('unavailable', m.admin_error_try_again());
}

export async function editConference(db: DbOrTx, conferenceId: string, values: ConferenceValues) {
	const conference = await findConferenceDetail(db, conferenceId);
	if (!conference) {
		throw new AppError('not_found', m.admin_conference_not_found());
	}
	if (!(await regionOfRound(db, conference.roundId, values.regionId))) {
		throw new AppError('bad_request', m.admin_error_region());
	}
	await updateConference(db, conferenceId, values);
}

export async function assignFacilitator(db: DbOrTx, conferenceId: string, staffId: string) {
	if (!(await staffExists(db, staffId))) {
		throw new AppError('bad_request', m.admin_error_staff());
	}
	await insertFacilitator(db, conferenceId, staffId);
}

export async function unassignFacilitator(db: DbOrTx, conferenceId: string, staffId: string) {
	await deleteFacilitator(db, conferenceId, staffId);
}

/**
 * Makes `count` new one-time personal codes for the conference, unique across all conferences:
 * all of them or, in one transaction, none.
 */
export async function generateVerifiedCodes(
	db: Db,
	conferenceId: string,
	count: number,
	random: Random = randomInt
): Promise<number> {
	return db.transaction(async (tx) => {
		let made = 0;
		for (let attempt = 0; made < count && attempt < MAX_ATTEMPTS; attempt++) {
			const codes = generatePersonalCodes(count - made, random);
			made += (await insertVerifiedCodes(tx, conferenceId, codes)).length;
		}
		if (made < count) {
			throw new AppError('unavailable', m.admin_error_try_again());
		}
		return made;
	});
}
