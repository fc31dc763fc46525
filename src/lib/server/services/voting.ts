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
	findPolls,
	findPollsOfBallots,
	votesOn,
	pollsOfConference,
	setQuestionStatus,
	writeToOpenPolls,
	type NewTableAnswer,
	type NewVote,
	type PollRow,
	type PollStatus
} from '../db/queries/polls';
import { findConferenceById } from '../db/queries/conferences';
import { createGroupCommit, type Settled } from '../group-commit';

export type PollAction = 'open' | 'close' | 'reveal';

const MOVES: Record<PollAction, { from: PollStatus[]; to: PollStatus }> = {
	open: { from: ['draft', 'closed'], to: 'open' },
	close: { from: ['open'], to: 'closed' },
	// Revealing an open question closes it too: one click for the facilitator.
	reveal: { from: ['open', 'closed'], to: 'revealed' }
};

/**
 * Opens, closes or reveals every ballot of a "KS spør" question in one conference. `record`
 * (the audit entry) is written in the same transaction when something changed, and the
 * question's polls are read in it too: once this returns, nothing can fail before the caller
 * tells the screens.
 */
export async function controlQuestion(
	db: Db,
	pack: ContentPack | undefined,
	conferenceId: string,
	questionId: string,
	action: PollAction,
	record: (tx: DbOrTx) => Promise<void> = async () => {},
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
	const { moved, polls } = await db.transaction(async (tx) => {
		if (action === 'open') {
			await ensurePolls(tx, conferenceId, questionId, question.ballots);
		}
		const move = MOVES[action];
		const moved = await setQuestionStatus(tx, conferenceId, questionId, move.from, move.to, now);
		if (moved > 0) {
			await record(tx);
		}
		const all = await pollsOfConference(tx, conferenceId);
		return { moved, polls: all.filter((p) => p.questionId === questionId) };
	});
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

export interface VoteRequest {
	voter: Voter;
	pollId: string;
	value: unknown;
}

export interface StoredVote {
	pollId: string;
	value: VoteValue;
}

/** Votes written together in one statement, at most. */
const MAX_VOTES_PER_WRITE = 500;
/**
 * Under load, votes gather this long per write (a vote after a quiet spell is written at once):
 * at 2,000 votes a second that is some 20 votes per write instead of 4, a fifth of the database
 * round trips, for at most this much more wait.
 */
const GATHER_MS = 10;
/** Polls whose definition a vote writer keeps; past this it starts again from none. */
const MAX_KNOWN_POLLS = 10_000;

/**
 * Stores participants' votes. Each `cast` resolves only once its vote is committed, so the
 * acknowledgement a phone gets means the vote is durable; votes that arrive while a write is
 * under way are committed together in the next one (see group-commit.ts).
 */
export function createVoteWriter(db: Db) {
	const writer: Writer = { db, pollsOf: pollDefinitions(db) };
	const group = createGroupCommit<VoteRequest, StoredVote>(
		(requests) => storeVotesOrEachAlone(writer, requests),
		MAX_VOTES_PER_WRITE,
		GATHER_MS
	);
	return {
		cast: (voter: Voter, pollId: string, value: unknown) => group.submit({ voter, pollId, value })
	};
}

export type VoteWriter = ReturnType<typeof createVoteWriter>;

/** What a poll is, as a vote is checked against it; its status is checked as the vote is written. */
type PollDefinition = Omit<PollRow, 'status'>;

interface Writer {
	db: Db;
	pollsOf(pollIds: string[]): Promise<Map<string, PollDefinition>>;
}

/**
 * A poll's conference and ballot never change once it exists (only its status does, and the
 * write checks that), so the writer keeps those it has read: a batch on known polls is then one
 * statement, one round trip. A poll deleted since (its conference's data deleted) is then
 * refused as closed rather than unknown.
 */
function pollDefinitions(db: Db): Writer['pollsOf'] {
	const known = new Map<string, PollDefinition>();
	return async (pollIds) => {
		const missing = pollIds.filter((id) => !known.has(id));
		if (missing.length > 0) {
			if (known.size + missing.length > MAX_KNOWN_POLLS) {
				known.clear();
			}
			for (const poll of await findPolls(db, missing)) {
				const { id, conferenceId, questionId, ballotId, ballot } = poll;
				known.set(id, { id, conferenceId, questionId, ballotId, ballot });
			}
		}
		return new Map(pollIds.flatMap((id) => (known.has(id) ? [[id, known.get(id)!]] : [])));
	};
}

/**
 * Stores a batch. If the database refused its write (a constraint, a conflict), each vote
 * is tried alone, so that one vote's failure never refuses the others; if the database could not
 * be reached, the whole batch fails at once and the phones are told to try again.
 */
async function storeVotesOrEachAlone(
	writer: Writer,
	requests: VoteRequest[]
): Promise<Settled<StoredVote>[]> {
	try {
		return await storeVotes(writer, requests);
	} catch (error) {
		if (requests.length === 1 || !refusedByDatabase(error)) {
			throw error;
		}
		const results: Settled<StoredVote>[] = [];
		for (const request of requests) {
			try {
				results.push(...(await storeVotes(writer, [request])));
			} catch (alone) {
				results.push({ ok: false, error: alone });
			}
		}
		return results;
	}
}

/** Whether PostgreSQL answered with an error (it has a severity and a SQLSTATE), rather than not at all. */
function refusedByDatabase(error: unknown): boolean {
	for (let e = error; e instanceof Error; e = e.cause) {
		const { code, severity } = e as { code?: unknown; severity?: unknown };
		if (typeof code === 'string' && typeof severity === 'string') {
			return true;
		}
	}
	return false;
}

const pollClosed = () => new AppError('poll_closed', 'Avstemningen er lukket.');

/**
 * Validates votes, in the order given, and stores them in one statement: a later vote of the
 * same participant on the same poll replaces an earlier one, and a conditional ballot sees a vote
 * earlier in the batch. One round trip to the database for polls the writer knows (two more with
 * conditional ballots), because under load each one waits for a turn of the busy event loop. The
 * statement writes only to polls that are open as it runs, and the votes on any other are
 * refused: no vote is acknowledged as stored on a poll that was not open (see writeToOpenPolls).
 */
async function storeVotes(
	{ db, pollsOf }: Writer,
	requests: VoteRequest[],
	now = new Date()
): Promise<Settled<StoredVote>[]> {
	const polls = await pollsOf([...new Set(requests.map((r) => r.pollId))]);
	const batch: Batch = {
		priors: await loadPriors(db, requests, polls),
		accepted: new Map(),
		tables: new Map()
	};
	const results: Settled<StoredVote>[] = requests.map((request) => {
		try {
			const value = acceptVote(batch, request, polls.get(request.pollId));
			return { ok: true, value: { pollId: request.pollId, value } };
		} catch (error) {
			if (!(error instanceof AppError)) {
				throw error;
			}
			return { ok: false, error };
		}
	});
	// In key order: concurrent batches (other nodes) then lock the rows in the same order.
	const inKeyOrder = <T>(rows: Map<string, T>) =>
		[...rows].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
	const open = await writeToOpenPolls(
		db,
		{ votes: inKeyOrder(batch.accepted), tables: inKeyOrder(batch.tables) },
		now
	);
	return results.map((result, i) =>
		result.ok && !open.has(requests[i]!.pollId) ? { ok: false, error: pollClosed() } : result
	);
}

const voteKey = (pollId: string, participantId: string) => `${pollId} ${participantId}`;

/** One batch: what it has read, and the rows accepted so far. */
interface Batch {
	priors: Priors;
	/** Votes accepted so far, by voteKey: a later one of the same voter on the same poll replaces it. */
	accepted: Map<string, NewVote>;
	/** Table answers accepted so far, by poll and table: a later one replaces it. */
	tables: Map<string, NewTableAnswer>;
}

/** For the batch's conditional ballots: the poll each depends on, and its voters' stored answers to it. */
interface Priors {
	pollOf: Map<string, PollRow | undefined>;
	stored: Map<string, VoteValue>;
}

/** Reads what the batch's conditional ballots depend on, once for the whole batch. */
async function loadPriors(
	db: DbOrTx,
	requests: VoteRequest[],
	polls: Map<string, PollDefinition>
): Promise<Priors> {
	const conditional = [...polls.values()].filter((poll) => poll.ballot.condition);
	const candidates = await findPollsOfBallots(
		db,
		[...new Set(conditional.map((poll) => poll.conferenceId))],
		[...new Set(conditional.map((poll) => poll.ballot.condition!.ballotId))]
	);
	const pollOf = new Map<string, PollRow | undefined>(
		conditional.map((poll) => [
			poll.id,
			candidates.find(
				(c) =>
					c.conferenceId === poll.conferenceId && c.ballotId === poll.ballot.condition!.ballotId
			)
		])
	);
	const priorIds = [...pollOf.values()].flatMap((prior) => (prior ? [prior.id] : []));
	const voters = [...new Set(requests.filter((r) => pollOf.has(r.pollId)).map((r) => r.voter.id))];
	const stored = await votesOn(db, priorIds, voters);
	return {
		pollOf,
		stored: new Map(stored.map((v) => [voteKey(v.pollId, v.participantId), v.value]))
	};
}

/** Checks one vote and adds it to the batch's rows (a table's answer to `tables`). */
function acceptVote(
	batch: Batch,
	{ voter, pollId, value }: VoteRequest,
	poll: PollDefinition | undefined
): VoteValue {
	if (!poll || poll.conferenceId !== voter.conferenceId) {
		throw new AppError('not_found', 'Avstemningen finnes ikke.');
	}
	const check = validateVote(poll.ballot, value);
	if (!check.ok) {
		throw new AppError('invalid_vote', check.message);
	}
	if (poll.ballot.condition && !eligible(batch, poll, voter.id)) {
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
		const answer = { pollId, tableId: voter.tableId, text, participantId: voter.id };
		batch.tables.set(`${pollId} ${voter.tableId}`, answer);
		return check.value;
	}
	const vote = { pollId, participantId: voter.id, value: check.value };
	batch.accepted.set(voteKey(pollId, voter.id), vote);
	return check.value;
}

/**
 * Whether the participant's answer to the earlier ballot (earlier in this batch, else stored)
 * lets them answer this one.
 */
function eligible(batch: Batch, poll: PollDefinition, participantId: string) {
	const prior = batch.priors.pollOf.get(poll.id);
	if (!prior) {
		return false;
	}
	const key = voteKey(prior.id, participantId);
	const vote = batch.accepted.get(key)?.value ?? batch.priors.stored.get(key);
	const byBallot = new Map<string, VoteValue>();
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
