import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { conferenceFacilitators, staffSessions, staffTokens, staffUsers } from '../schema';

export interface StaffIdentity {
	id: string;
	email: string;
	name: string;
	isAdmin: boolean;
}

const identity = {
	id: staffUsers.id,
	email: staffUsers.email,
	name: staffUsers.name,
	isAdmin: staffUsers.isAdmin
};

export async function findStaffByEmail(db: DbOrTx, email: string) {
	const [row] = await db.select().from(staffUsers).where(eq(staffUsers.email, email.toLowerCase()));
	return row;
}

export async function listStaff(db: DbOrTx): Promise<(StaffIdentity & { active: boolean })[]> {
	const rows = await db.select().from(staffUsers).orderBy(staffUsers.name);
	return rows.map((r) => ({
		id: r.id,
		email: r.email,
		name: r.name,
		isAdmin: r.isAdmin,
		active: r.passwordHash !== null
	}));
}

export async function insertStaff(
	db: DbOrTx,
	values: { email: string; name: string; passwordHash: string | null; isAdmin: boolean }
): Promise<StaffIdentity> {
	const [row] = await db
		.insert(staffUsers)
		.values({ ...values, email: values.email.toLowerCase() })
		.returning(identity);
	return row!;
}

export async function setStaffPassword(db: DbOrTx, staffId: string, passwordHash: string) {
	await db.update(staffUsers).set({ passwordHash }).where(eq(staffUsers.id, staffId));
	// A new password signs every other browser out.
	await db.delete(staffSessions).where(eq(staffSessions.staffId, staffId));
}

export async function insertSession(
	db: DbOrTx,
	tokenHash: string,
	staffId: string,
	expiresAt: Date
) {
	await db.insert(staffSessions).values({ tokenHash, staffId, expiresAt });
}

export async function findSessionStaff(
	db: DbOrTx,
	tokenHash: string,
	now: Date
): Promise<StaffIdentity | undefined> {
	const [row] = await db
		.select(identity)
		.from(staffSessions)
		.innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffId))
		.where(and(eq(staffSessions.tokenHash, tokenHash), gt(staffSessions.expiresAt, now)));
	return row;
}

export async function deleteSession(db: DbOrTx, tokenHash: string) {
	await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
}

export async function insertStaffToken(
	db: DbOrTx,
	values: { tokenHash: string; staffId: string; purpose: 'invite' | 'reset'; expiresAt: Date }
) {
	await db.insert(staffTokens).values(values);
}

/** Marks a valid one-time token used and returns its staff id; undefined if unknown, used or expired. */
export async function consumeStaffToken(
	db: DbOrTx,
	tokenHash: string,
	now: Date
): Promise<string | undefined> {
	const [row] = await db
		.update(staffTokens)
		.set({ usedAt: now })
		.where(
			and(
				eq(staffTokens.tokenHash, tokenHash),
				isNull(staffTokens.usedAt),
				gt(staffTokens.expiresAt, now)
			)
		)
		.returning({ staffId: staffTokens.staffId });
	return row?.staffId;
}

export async function findValidStaffToken(db: DbOrTx, tokenHash: string, now: Date) {
	const [row] = await db
		.select({
			staffId: staffTokens.staffId,
			purpose: staffTokens.purpose,
			email: staffUsers.email,
			name: staffUsers.name
		})
		.from(staffTokens)
		.innerJoin(staffUsers, eq(staffUsers.id, staffTokens.staffId))
		.where(
			and(
				eq(staffTokens.tokenHash, tokenHash),
				isNull(staffTokens.usedAt),
				gt(staffTokens.expiresAt, now)
			)
		);
	return row;
}

export async function isFacilitatorOf(db: DbOrTx, staffId: string, conferenceId: string) {
	const rows = await db
		.select({ staffId: conferenceFacilitators.staffId })
		.from(conferenceFacilitators)
		.where(
			and(
				eq(conferenceFacilitators.staffId, staffId),
				eq(conferenceFacilitators.conferenceId, conferenceId)
			)
		);
	return rows.length > 0;
}

/** The staff member as they are now (an admin flag or account may have changed since sign-in). */
export async function findStaffIdentity(
	db: DbOrTx,
	staffId: string
): Promise<StaffIdentity | undefined> {
	const [row] = await db.select(identity).from(staffUsers).where(eq(staffUsers.id, staffId));
	return row;
}
