import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { Action } from '$lib/domain/roles';
import { AppError } from '../errors';
import { getRuntime } from '../runtime';
import type { StaffIdentity } from '../db/queries/staff';
import { requireStaff } from './guard';
import { loginPath } from './next-path';

/**
 * The signed-in staff member, if they may do `action` (on `conferenceId`). Anyone else: a
 * visitor is sent to sign in, a staff member without the right gets 403.
 */
export async function allowStaff(
	event: { locals: App.Locals; url: URL },
	action: Action,
	conferenceId?: string
): Promise<StaffIdentity> {
	try {
		return await requireStaff(getRuntime().database.db, event.locals.staff, action, conferenceId);
	} catch (e) {
		if (e instanceof AppError && e.code === 'unauthenticated') {
			redirect(303, loginPath(event.url));
		}
		if (e instanceof AppError) {
			error(e.status, { message: m.staff_forbidden(), code: e.code });
		}
		throw e;
	}
}

/** A 404 page for an id that does not exist. */
export function notFound(message = m.error_not_found()): never {
	error(404, { message, code: 'not_found' });
}

/** The signed-in staff member, whatever their role; a visitor is sent to sign in. */
export function signedIn(event: { locals: App.Locals; url: URL }): StaffIdentity {
	if (!event.locals.staff) {
		redirect(303, loginPath(event.url));
	}
	return event.locals.staff;
}
