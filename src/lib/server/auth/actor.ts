import type { Db } from '../db';
import { findSessionStaff, type StaffIdentity } from '../db/queries/staff';
import { findParticipantByToken, type ParticipantIdentity } from '../db/queries/participants';
import { hashToken } from './tokens';
import { PARTICIPANT_COOKIE, STAFF_COOKIE } from './cookies';

/** Who is asking: from the cookies of an HTTP request or a socket.io handshake. */
export interface Actor {
	staff: StaffIdentity | null;
	participant: ParticipantIdentity | null;
}

/** Finds the participant holding a token, by the token's hash. */
export type ParticipantLookup = (tokenHash: string) => Promise<ParticipantIdentity | undefined>;

export async function resolveActor(
	db: Db,
	cookies: Record<string, string | undefined>,
	now = new Date(),
	participantOf: ParticipantLookup = (tokenHash) => findParticipantByToken(db, tokenHash)
): Promise<Actor> {
	const staffToken = cookies[STAFF_COOKIE];
	const participantToken = cookies[PARTICIPANT_COOKIE];
	const [staff, participant] = await Promise.all([
		staffToken ? findSessionStaff(db, hashToken(staffToken), now) : undefined,
		participantToken ? participantOf(hashToken(participantToken)) : undefined
	]);
	return { staff: staff ?? null, participant: participant ?? null };
}
