import type { Ballot, VoteValue } from './types';

/**
 * Whether a participant gets to see `ballot`. Unconditional ballots are for everyone; a follow-up
 * is for those whose vote on `condition.ballotId` (a single or multiple choice) picked one of
 * `condition.optionIds`. `priorVotes` maps ballot id to the participant's normalised vote.
 */
export function isEligible(ballot: Ballot, priorVotes: ReadonlyMap<string, VoteValue>): boolean {
	const { condition } = ballot;
	if (!condition) {
		return true;
	}
	const prior = priorVotes.get(condition.ballotId);
	switch (prior?.kind) {
		case 'single':
			return condition.optionIds.includes(prior.optionId);
		case 'multiple':
			return prior.optionIds.some((id) => condition.optionIds.includes(id));
		default:
			return false;
	}
}
