import type { Tally } from '$lib/domain/ballots';
import type { ShownResult } from '$lib/domain/tally';

/** What a vote, upvote or facilitator action came to: shown by the component that sent it. */
export interface ActionResult {
	ok: boolean;
	/** Why it failed, in the user's language or the server's Norwegian. */
	message?: string;
}

/**
 * A live tally as the facilitator may see it: every figure, however few have voted (staff are
 * trusted with small numbers; participants and the projector never get them).
 */
export function staffResult({ skipped: _skipped, ...shown }: Tally): ShownResult {
	return { ...shown, suppressed: false } as ShownResult;
}
