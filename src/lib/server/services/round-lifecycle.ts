import { m } from '$lib/paraglide/messages';
import { AppError } from '../errors';
import type { Db } from '../db';
import type { StaffIdentity } from '../db/queries/staff';
import {
	closeConferences,
	closeOpenPolls,
	countRoundData,
	deleteParticipantData,
	lockRound,
	roundTableIds,
	setRoundStatus
} from '../db/queries/round-lifecycle';
import { roundConferences } from '../db/queries/nation';
import { audit } from './audit';

/**
 * A round's life after its conferences: close it (no more votes or joins), archive it, and
 * delete its participant data. Deleting keeps the round, its counties, conferences and polls (what
 * was asked, where and when) and the audit log; everything a participant gave goes, and with it
 * every figure, since results are always computed from the stored votes. Export first.
 */

async function lockedRound(db: Parameters<Parameters<Db['transaction']>[0]>[0], id: string) {
	const round = await lockRound(db, id);
	if (!round) {
		throw new AppError('not_found', m.nation_round_not_found());
	}
	return round;
}

/** Closes the round, its conferences and every open poll in them; returns what changed. */
export async function closeRound(db: Db, staff: StaffIdentity, roundId: string, now = new Date()) {
	return db.transaction(async (tx) => {
		const round = await lockedRound(tx, roundId);
		if (round.status === 'closed' || round.status === 'archived') {
			throw new AppError('conflict', m.nation_lifecycle_already_closed());
		}
		await setRoundStatus(tx, roundId, 'closed');
		const conferenceIds = await closeConferences(tx, roundId);
		const polls = await closeOpenPolls(tx, roundId, now);
		await audit(tx, staff, {
			action: 'round:close',
			roundId,
			details: { from: round.status, conferences: conferenceIds.length, polls: polls.length }
		});
		return { conferenceIds, polls };
	});
}

/** Archives a closed round: kept for the record, out of the way. */
export async function archiveRound(db: Db, staff: StaffIdentity, roundId: string) {
	await db.transaction(async (tx) => {
		const round = await lockedRound(tx, roundId);
		if (round.status !== 'closed') {
			throw new AppError('conflict', m.nation_lifecycle_close_first());
		}
		await setRoundStatus(tx, roundId, 'archived');
		await audit(tx, staff, { action: 'round:close', roundId, details: { archived: true } });
	});
}

/**
 * Deletes every participant of the round with their votes, upvotes and dots, every table with
 * its notes, answers and deck, and the personal codes. Only for a closed or archived round, and
 * only when `confirmation` is the round's name.
 */
export async function deleteRoundData(
	db: Db,
	staff: StaffIdentity,
	roundId: string,
	confirmation: string
) {
	return db.transaction(async (tx) => {
		const round = await lockedRound(tx, roundId);
		if (round.status !== 'closed' && round.status !== 'archived') {
			throw new AppError('conflict', m.nation_lifecycle_close_first());
		}
		if (confirmation.trim() !== round.name.trim()) {
			throw new AppError('bad_request', m.nation_lifecycle_confirm_mismatch());
		}
		const conferenceIds = (await roundConferences(tx, roundId)).map((c) => c.id);
		const counts = await countRoundData(tx, roundId);
		const tableIds = await roundTableIds(tx, conferenceIds);
		await deleteParticipantData(tx, conferenceIds);
		await audit(tx, staff, { action: 'round:delete-data', roundId, details: { ...counts } });
		return { conferenceIds, tableIds, counts };
	});
}
