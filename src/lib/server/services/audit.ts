import { desc } from 'drizzle-orm';
import type { Action } from '$lib/domain/roles';
import type { DbOrTx } from '../db';
import { auditLog } from '../db/schema';
import type { StaffIdentity } from '../db/queries/staff';

export interface AuditEntry {
	/** 'poll:compare': the county-vs-nation comparison shown or hidden (details.shown). */
	action: Action | 'staff:sign-in' | 'content:import' | 'poll:compare';
	roundId?: string | null;
	conferenceId?: string | null;
	details?: Record<string, unknown>;
}

/** Records a staff action; call it in the same transaction as the change where there is one. */
export async function audit(db: DbOrTx, staff: StaffIdentity, entry: AuditEntry) {
	await db.insert(auditLog).values({
		staffId: staff.id,
		staffEmail: staff.email,
		action: entry.action,
		roundId: entry.roundId ?? null,
		conferenceId: entry.conferenceId ?? null,
		details: entry.details ?? {}
	});
}

/** The newest entries first. */
export async function recentAudit(db: DbOrTx, limit = 500) {
	return db.select().from(auditLog).orderBy(desc(auditLog.at)).limit(limit);
}
