import { MESSAGES, reject, type VoteCheck } from './check';
import { validateMultiple } from './multiple';
import { validatePoints } from './points';
import { validateRanking } from './ranking';
import { validateScale } from './scale';
import { validateSingle } from './single';
import { validateText } from './text';
import type { Ballot, VoteValue } from './types';

/**
 * Checks a well-formed vote against `ballot`: that its kind matches the ballot's, and the kind's
 * own rules. Returns the normalised vote or a message. Phones check their draft with this before
 * sending; the server checks untrusted input with `validateVote`, which reads the shape first.
 */
export function checkVote(ballot: Ballot, vote: VoteValue): VoteCheck {
	if (vote.kind !== ballot.kind) {
		return reject(MESSAGES.wrongKind);
	}
	switch (ballot.kind) {
		case 'single':
			return validateSingle(ballot, vote);
		case 'multiple':
			return validateMultiple(ballot, vote);
		case 'ranking':
			return validateRanking(ballot, vote);
		case 'points':
			return validatePoints(ballot, vote);
		case 'scale':
			return validateScale(ballot, vote);
		case 'text':
		case 'table':
			return validateText(ballot, vote);
	}
}
