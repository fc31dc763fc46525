import { applyAgendaAction, type AgendaAction, type AgendaState } from '$lib/domain/agenda';
import { AppError } from '../errors';
import type { DbOrTx } from '../db';
import { compareAndSetAgenda, getAgenda } from '../db/queries/conferences';

/**
 * Applies a facilitator's agenda action against the version they saw: one atomic
 * compare-and-set, so two clicks on stale screens never both apply.
 * Returns the new state, or the current one when the action changes nothing.
 */
export async function moveAgenda(
	db: DbOrTx,
	conferenceId: string,
	action: AgendaAction,
	expectedVersion: number
): Promise<{ agenda: AgendaState; changed: boolean }> {
	const current = await getAgenda(db, conferenceId);
	if (!current) {
		throw new AppError('not_found', 'Konferansen finnes ikke.');
	}
	const result = applyAgendaAction(current, action, expectedVersion);
	if (!result.ok) {
		if (result.code === 'no_change') {
			return { agenda: current, changed: false };
		}
		throw new AppError(
			result.code === 'stale_version' ? 'stale_version' : 'conflict',
			result.message
		);
	}
	if (!(await compareAndSetAgenda(db, conferenceId, expectedVersion, result.state))) {
		throw new AppError('stale_version', 'Noen andre endret dette samtidig. Prøv igjen.');
	}
	return { agenda: result.state, changed: true };
}
