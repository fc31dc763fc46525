import { can, type Action } from '$lib/domain/roles';
import { AppError } from '../errors';
import type { DbOrTx } from '../db';
import { isFacilitatorOf, type StaffIdentity } from '../db/queries/staff';
import type { ParticipantIdentity } from '../db/queries/participants';
import type { Actor } from './actor';

/** Staff may do `action` (on `conferenceId`, for conference-scoped actions); else throws. */
export async function requireStaff(
	db: DbOrTx,
	staff: StaffIdentity | null,
	action: Action,
	conferenceId?: string
): Promise<StaffIdentity> {
	if (!staff) {
		throw new AppError('unauthenticated', 'Du må logge inn.');
	}
	const role = staff.isAdmin ? 'admin' : 'facilitator';
	const isAssigned =
		!staff.isAdmin && conferenceId ? await isFacilitatorOf(db, staff.id, conferenceId) : false;
	if (!can(role, action, { isAssigned })) {
		throw new AppError('forbidden', 'Du har ikke tilgang til dette.');
	}
	return staff;
}

/** A participant of `conferenceId` may do `action`; else throws. */
export function requireParticipant(
	actor: Pick<Actor, 'participant'>,
	action: Action,
	conferenceId: string
): ParticipantIdentity {
	const participant = actor.participant;
	if (!participant || participant.conferenceId !== conferenceId) {
		throw new AppError('unauthenticated', 'Du er ikke med i denne konferansen. Bli med med koden.');
	}
	if (!can('participant', action)) {
		throw new AppError('forbidden', 'Du har ikke tilgang til dette.');
	}
	return participant;
}
