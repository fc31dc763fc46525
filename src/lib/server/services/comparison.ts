import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { PollComparison } from '$lib/realtime/nation';
import { AppError } from '../errors';
import type { DbOrTx } from '../db';
import { auditLog } from '../db/schema';
import type { StaffIdentity } from '../db/queries/staff';
import { audit } from './audit';
import { pollComparison } from './nation';

/**
 * "Our county vs the country so far" on the presenter screen. Every show and hide is a
 * 'poll:compare' entry in the audit log, and the conference's newest such entry says what is
 * showing: so every node, and every screen that reconnects, agrees without a table of its own.
 */

const COMPARE = 'poll:compare';
const Entry = z.object({ pollId: z.uuid(), shown: z.boolean() });
type Entry = z.infer<typeof Entry>;

async function latestEntry(db: DbOrTx, conferenceId: string): Promise<Entry | null> {
	const [row] = await db
		.select({ details: auditLog.details })
		.from(auditLog)
		.where(and(eq(auditLog.conferenceId, conferenceId), eq(auditLog.action, COMPARE)))
		.orderBy(desc(auditLog.at))
		.limit(1);
	const parsed = Entry.safeParse(row?.details);
	return parsed.success ? parsed.data : null;
}

/** The poll whose comparison is on the presenter screen now, if any. */
export async function shownComparisonPoll(
	db: DbOrTx,
	conferenceId: string
): Promise<string | null> {
	const entry = await latestEntry(db, conferenceId);
	return entry?.shown ? entry.pollId : null;
}

/**
 * The comparison showing now, computed afresh from the stored votes (for a screen that
 * (re)connects); null when none is showing or it can no longer be made.
 */
export async function shownComparison(
	db: DbOrTx,
	conferenceId: string
): Promise<PollComparison | null> {
	const pollId = await shownComparisonPoll(db, conferenceId);
	if (!pollId) {
		return null;
	}
	try {
		return await pollComparison(db, conferenceId, pollId);
	} catch (error) {
		if (error instanceof AppError) {
			return null;
		}
		throw error;
	}
}

/** Computes the comparison of a revealed poll and records that it is showing. */
export async function showComparison(
	db: DbOrTx,
	staff: StaffIdentity,
	conferenceId: string,
	pollId: string
): Promise<PollComparison> {
	const comparison = await pollComparison(db, conferenceId, pollId);
	await audit(db, staff, { action: COMPARE, conferenceId, details: { pollId, shown: true } });
	return comparison;
}

/**
 * Takes the comparison of `pollId` off the screen (of any poll when `pollId` is null). Returns
 * the poll whose comparison was showing and is now hidden, or null if there was nothing to hide.
 */
export async function hideComparison(
	db: DbOrTx,
	staff: StaffIdentity,
	conferenceId: string,
	pollId: string | null
): Promise<string | null> {
	const shown = await shownComparisonPoll(db, conferenceId);
	if (!shown || (pollId !== null && shown !== pollId)) {
		return null;
	}
	await audit(db, staff, {
		action: COMPARE,
		conferenceId,
		details: { pollId: shown, shown: false }
	});
	return shown;
}
