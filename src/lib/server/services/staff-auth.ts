import { AppError } from '../errors';
import { audit } from './audit';
import type { DbOrTx } from '../db';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/passwords';
import { hashToken, randomToken } from '../auth/tokens';
import { STAFF_SESSION_DAYS } from '../auth/cookies';
import {
	consumeStaffToken,
	deleteSession,
	findStaffByEmail,
	insertSession,
	insertStaff,
	insertStaffToken,
	setStaffPassword,
	type StaffIdentity
} from '../db/queries/staff';

const DAY_MS = 24 * 60 * 60 * 1000;
const LINK_DAYS = 7;
// Compared against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password.
const DUMMY_HASH = hashPassword('not-a-real-password-at-all');

/** Checks e-mail and password; returns a new session token for the cookie. */
export async function signIn(db: DbOrTx, email: string, password: string, now = new Date()) {
	const staff = await findStaffByEmail(db, email.trim());
	const ok = staff?.passwordHash
		? await verifyPassword(staff.passwordHash, password)
		: (await verifyPassword(await DUMMY_HASH, password)) && false;
	if (!staff || !ok) {
		throw new AppError('unauthenticated', 'Feil e-post eller passord.');
	}
	const token = randomToken();
	await insertSession(
		db,
		hashToken(token),
		staff.id,
		new Date(now.getTime() + STAFF_SESSION_DAYS * DAY_MS)
	);
	await audit(db, staff, { action: 'staff:sign-in' });
	return { token, staffId: staff.id };
}

export async function signOut(db: DbOrTx, token: string) {
	await deleteSession(db, hashToken(token));
}

export function checkPassword(password: string) {
	if (password.length < MIN_PASSWORD_LENGTH) {
		throw new AppError('bad_request', `Passordet må ha minst ${MIN_PASSWORD_LENGTH} tegn.`);
	}
	if (password.length > 200) {
		throw new AppError('bad_request', 'Passordet kan ha høyst 200 tegn.');
	}
}

/** Creates a staff user with a password (the first admin, from the command line or the demo seed). */
export async function createStaffWithPassword(
	db: DbOrTx,
	values: { email: string; name: string; password: string; isAdmin: boolean }
): Promise<StaffIdentity> {
	checkPassword(values.password);
	if (await findStaffByEmail(db, values.email)) {
		throw new AppError('conflict', 'Det finnes allerede en bruker med den e-posten.');
	}
	return insertStaff(db, { ...values, passwordHash: await hashPassword(values.password) });
}

/** Invites a facilitator (or admin): returns the one-time path where they set a password. */
export async function inviteStaff(
	db: DbOrTx,
	values: { email: string; name: string; isAdmin: boolean },
	now = new Date()
) {
	if (await findStaffByEmail(db, values.email)) {
		throw new AppError('conflict', 'Det finnes allerede en bruker med den e-posten.');
	}
	const staff = await insertStaff(db, { ...values, passwordHash: null });
	return { staff, path: await oneTimeLink(db, staff.id, 'invite', now) };
}

/** An admin resets a password: returns a one-time path where the user sets a new one. */
export async function resetLink(db: DbOrTx, staffId: string, now = new Date()) {
	return oneTimeLink(db, staffId, 'reset', now);
}

async function oneTimeLink(db: DbOrTx, staffId: string, purpose: 'invite' | 'reset', now: Date) {
	const token = randomToken();
	await insertStaffToken(db, {
		tokenHash: hashToken(token),
		staffId,
		purpose,
		expiresAt: new Date(now.getTime() + LINK_DAYS * DAY_MS)
	});
	return `/passord/${token}`;
}

/** Uses a one-time link: sets the password; the link can never be used again. */
export async function setPasswordWithLink(
	db: DbOrTx,
	token: string,
	password: string,
	now = new Date()
) {
	checkPassword(password);
	const staffId = await consumeStaffToken(db, hashToken(token), now);
	if (!staffId) {
		throw new AppError('not_found', 'Lenken er brukt eller utløpt. Be en administrator om en ny.');
	}
	await setStaffPassword(db, staffId, await hashPassword(password));
	return staffId;
}
