import { validateVote } from '$lib/domain/ballots';
import { isEligible } from '$lib/domain/ballots/condition';
import type { VoteValue } from '$lib/domain/ballots/types';
import type { ContentPack } from '$lib/content/schema';
import { AppError } from '../errors';
import type { Db, DbOrTx } from '../db';
import {
	addUpvote,
	ensurePolls,
	findPoll,
	findPollForShare,
	ownVotes,
	pollsOfConference,
	setQuestionStatus,
	upsertTableAnswer,
	upsertVote,
	type PollRow,
	type PollStatus
} from '../db/queries/polls';
import { findConferenceById } from '../db/queries/conferences';

export type PollAction = 'open' | 'close' | 'reveal';

const MOVES: Record<PollAction, { from: PollStatus[]; to: PollStatus }> = {
	open: { from: ['draft', 'closed'], to: 'open' },
	close: { from: ['open'], to: 'closed' },
	// Revealing an open question closes it too: one click for the facilitator.
	reveal: { from: ['open', 'closed'], to: 'revealed' }
};

/** Opens, closes or reveals every ballot of a "KS spør" question in one conference. */
export async function controlQuestion(
	db: Db,
	pack: ContentPack | undefined,
	conferenceId: string,
	questionId: string,
	action: PollAction,
	now = new Date()
): Promise<{ polls: PollRow[]; changed: boolean }> {
	const question = pack?.questions.find((q) => q.id === questionId);
	if (!question) {
		throw new AppError('not_found', 'Spørsmålet finnes ikke i konferansens innhold.');
	}
	// A closed conference (its round closed) takes no more votes.
	if (action === 'open' && (await findConferenceById(db, conferenceId))?.status === 'closed') {
		throw new AppError('locked', 'Konferansen er avsluttet.');
	}
	const moved = await db.transaction(async (tx) => {
		if (action === 'open') {
			await ensurePolls(tx, conferenceId, questionId, question.ballots);
		}
		const move = MOVES[action];
		return setQuestionStatus(tx, conferenceId, questionId, move.from, move.to, now);
	});
	const polls = (await pollsOfConference(db, conferenceId)).filter(
		(p) => p.questionId === questionId
	);
	if (moved === 0 && polls.some((p) => p.status === 'revealed') && action !== 'reveal') {
		throw new AppError('conflict', 'Resultatet er allerede vist.');
	}
	return { polls, changed: moved > 0 };
}

export interface Voter {
	id: string;
	conferenceId: string;
	tableId: string | null;
}

/**
 * Validates and stores a participant's vote; resolves only once it is committed, so the
 * acknowledgement the phone gets means the vote is durable.
 */
export async function castVote(
	db: Db,
	voter: Voter,
	pollId: string,
	value: unknown,
	now = new Date()
) {
	// One transaction with the poll row share-locked: a close that races this vote waits for it,
	// so no vote is acknowledged as stored on a poll that was already closed.
	return db.transaction(async (tx) => {
		const poll = await findPollForShare(tx, pollId);
		if (!poll || poll.conferenceId !== voter.conferenceId) {
			throw new AppError('not_found', 'Avstemningen finnes ikke.');
		}
		if (poll.status !== 'open') {
			throw new AppError('poll_closed', 'Avstemningen er lukket.');
		}
		const check = validateVote(poll.ballot, value);
		if (!check.ok) {
			throw new AppError('invalid_vote', check.message);
		}
		if (poll.ballot.condition && !(await eligible(tx, poll, voter.id))) {
			throw new AppError(
				'forbidden',
				'Dette spørsmålet gjelder bare dem som svarte det som utløser det.'
			);
		}
		if (poll.ballot.kind === 'table') {
			if (!voter.tableId) {
				throw new AppError('forbidden', 'Bare deltakere ved et bord kan svare for bordet.');
			}
			const text = (check.value as { text: string }).text;
			await upsertTableAnswer(tx, {
				pollId,
				tableId: voter.tableId,
				text,
				participantId: voter.id,
				now
			});
			return { pollId, value: check.value };
		}
		await upsertVote(tx, pollId, voter.id, check.value, now);
		return { pollId, value: check.value };
	});
}

async function eligible(db: DbOrTx, poll: PollRow, participantId: string) {
	const condition = poll.ballot.condition!;
	const prior = (await pollsOfConference(db, poll.conferenceId)).find(
		(p) => p.ballotId === condition.ballotId
	);
	if (!prior) {
		return false;
	}
	const mine = await ownVotes(db, participantId, [prior.id]);
	const byBallot = new Map<string, VoteValue>();
	const vote = mine.get(prior.id);
	if (vote) {
		byBallot.set(prior.ballotId, vote);
	}
	return isEligible(poll.ballot, byBallot);
}

/** A participant upvotes a visible open-text answer of a revealed poll in their conference. */
export async function upvote(db: Db, voter: Voter, pollId: string, answerId: string) {
	const poll = await findPoll(db, pollId);
	if (!poll || poll.conferenceId !== voter.conferenceId || poll.ballot.kind !== 'text') {
		throw new AppError('not_found', 'Svaret finnes ikke.');
	}
	if (poll.status !== 'revealed') {
		throw new AppError('poll_closed', 'Du kan gi stjerner når svarene er vist.');
	}
	if ((await addUpvote(db, answerId, voter.id)) !== pollId) {
		throw new AppError('not_found', 'Svaret finnes ikke.');
	}
	return poll;
}
