import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { conferenceTables, participants, verifiedCodes } from '../schema';

import type { ParticipantRole } from '$lib/domain/participant-role';

export interface ParticipantIdentity {
	id: string;
	conferenceId: string;
	municipalityCode: string | null;
	role: ParticipantRole;
	tableId: string | null;
	tableNumber: number | null;
}

export async function findParticipantByToken(
	db: DbOrTx,
	tokenHash: string
): Promise<ParticipantIdentity | undefined> {
	return (await findParticipantsByTokens(db, [tokenHash])).get(tokenHash);
}

/** The participants holding these tokens, by token hash. */
export async function findParticipantsByTokens(
	db: DbOrTx,
	tokenHashes: string[]
): Promise<Map<string, ParticipantIdentity>> {
	const rows = await db
		.select({
			tokenHash: participants.tokenHash,
			id: participants.id,
			conferenceId: participants.conferenceId,
			municipalityCode: participants.municipalityCode,
			role: participants.role,
			tableId: participants.tableId,
			tableNumber: conferenceTables.number
		})
		.from(participants)
		.leftJoin(conferenceTables, eq(conferenceTables.id, participants.tableId))
		.where(inArray(participants.tokenHash, tokenHashes));
	return new Map(
		rows.map(({ tokenHash, ...row }) => [tokenHash, { ...row, role: row.role as ParticipantRole }])
	);
}

/** The table's id, creating the table on first use. */
export async function tableIdFor(
	db: DbOrTx,
	conferenceId: string,
	number: number
): Promise<string> {
	const [created] = await db
		.insert(conferenceTables)
		.values({ conferenceId, number })
		.onConflictDoNothing()
		.returning({ id: conferenceTables.id });
	if (created) {
		return created.id;
	}
	const [existing] = await db
		.select({ id: conferenceTables.id })
		.from(conferenceTables)
		.where(
			and(eq(conferenceTables.conferenceId, conferenceId), eq(conferenceTables.number, number))
		);
	return existing!.id;
}

export async function insertParticipant(
	db: DbOrTx,
	values: {
		conferenceId: string;
		tokenHash: string;
		municipalityCode: string | null;
		role: ParticipantRole;
		tableId: string | null;
	}
): Promise<string> {
	const [row] = await db.insert(participants).values(values).returning({ id: participants.id });
	return row!.id;
}

/** Claims an unused verified code of the conference for a participant; false if unknown or used. */
export async function claimVerifiedCode(
	db: DbOrTx,
	conferenceId: string,
	code: string,
	participantId: string,
	now: Date
): Promise<boolean> {
	const rows = await db
		.update(verifiedCodes)
		.set({ participantId, usedAt: now })
		.where(
			and(
				eq(verifiedCodes.conferenceId, conferenceId),
				eq(verifiedCodes.code, code),
				sql`${verifiedCodes.usedAt} is null`
			)
		)
		.returning({ id: verifiedCodes.id });
	return rows.length === 1;
}

/** Participants per table number (null = no table), for the presenter and control views. */
export async function countParticipantsByTable(db: DbOrTx, conferenceId: string) {
	return db
		.select({ tableNumber: conferenceTables.number, participants: count() })
		.from(participants)
		.leftJoin(conferenceTables, eq(conferenceTables.id, participants.tableId))
		.where(eq(participants.conferenceId, conferenceId))
		.groupBy(conferenceTables.number)
		.orderBy(conferenceTables.number);
}
