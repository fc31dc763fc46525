import { allowStaff } from '$lib/server/auth/page-guard';
import { getRuntime } from '$lib/server/runtime';
import { recentAudit } from '$lib/server/services/audit';

export const load = async (event) => {
	await allowStaff(event, 'audit:read');
	const entries = await recentAudit(getRuntime().database.db);
	return {
		entries: entries.map((e) => ({
			id: e.id,
			at: e.at.toISOString(),
			who: e.staffEmail,
			action: e.action,
			conferenceId: e.conferenceId,
			roundId: e.roundId,
			details: JSON.stringify(e.details)
		}))
	};
};
