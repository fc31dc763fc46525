/** Helpers for the rollup tests only (never imported by app code). */
import type { ParticipantRole, TaggedVote } from './rollup';
import type { PublicResult } from './tally';

/** `n` votes for `value` at a conference, by default from 'folkevalgt'. */
export function cast(
	conferenceId: string,
	regionId: string,
	n: number,
	value: unknown,
	role: ParticipantRole = 'folkevalgt'
): TaggedVote[] {
	return Array.from({ length: n }, () => ({ conferenceId, regionId, role, value }));
}

export const pick = (optionId: string) => ({ kind: 'single', optionId });

/** Shares per option of a shown single-choice result; throws if it is not one. */
export function shares(result: PublicResult | undefined): number[] {
	if (!result || result.suppressed || result.kind !== 'single') {
		throw new Error('not shown');
	}
	return result.options.map((o) => o.share);
}
