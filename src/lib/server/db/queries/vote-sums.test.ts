import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tallySums, tallyVotes } from '$lib/domain/ballots';
import { points, ranking, single } from '$lib/domain/ballots/test-ballots';
import { validVote } from '$lib/domain/ballots/test-sums';
import type { Ballot } from '$lib/domain/ballots/types';
import { PARTICIPANT_ROLES } from '$lib/domain/participant-role';
import { rollup, type TaggedVote } from '$lib/domain/rollup';
import { mulberry32 } from '$lib/domain/test-utils';
import type { Database } from '../index';
import { openSeededMemoryDatabase } from '../test-database';
import { conferences, polls, votes } from '../schema';
import { tagged } from '../../services/nation';
import { roundVoteGroups } from './nation';
import { insertParticipant } from './participants';
import { ensurePolls, type PollRow } from './polls';
import { pollVoteSums } from './vote-sums';

const IDS = ['a', 'b', 'c', 'd', 'e'];
const RANKING = ranking(3, IDS);
const POINTS = points(10, 6, IDS);
const SINGLE = single(IDS);

describe('votes added up in the database', () => {
	let database: Database;
	let roundId: string;
	/** Every vote cast, as the rollup reads votes one by one. */
	const cast: (TaggedVote & { ballotId: string })[] = [];
	const pollsOf = new Map<string, PollRow[]>();

	beforeAll(async () => {
		database = await openSeededMemoryDatabase();
		const inRound = await database.db.select().from(conferences).limit(3);
		roundId = inRound[0]!.roundId;
		const random = mulberry32(42);
		for (const [c, conference] of inRound.filter((x) => x.roundId === roundId).entries()) {
			await ensurePolls(database.db, conference.id, 'q', [RANKING, POINTS, SINGLE]);
			const made = await database.db
				.select()
				.from(polls)
				.where(eq(polls.conferenceId, conference.id));
			for (let i = 0; i < 40 + 25 * c; i++) {
				const role = PARTICIPANT_ROLES[i % PARTICIPANT_ROLES.length]!;
				const participantId = await insertParticipant(database.db, {
					conferenceId: conference.id,
					tokenHash: `sums-${c}-${i}`,
					municipalityCode: null,
					role,
					tableId: null
				});
				for (const poll of made) {
					const ballot = poll.ballot as Ballot;
					const value =
						ballot.kind === 'single'
							? { kind: 'single', optionId: IDS[i % 2]! }
							: validVote(ballot as typeof RANKING | typeof POINTS, random);
					await database.db.insert(votes).values({ pollId: poll.id, participantId, value });
					const where = { conferenceId: conference.id, regionId: conference.regionId, role };
					cast.push({ ...where, ballotId: poll.ballotId, value });
				}
			}
			pollsOf.set(conference.id, made as PollRow[]);
		}
	}, 60_000);
	afterAll(() => database?.close());

	it.each([RANKING, POINTS])('tallies a $kind poll as its votes one by one', async (ballot) => {
		for (const [conferenceId, made] of pollsOf) {
			const poll = made.find((p) => p.ballotId === ballot.id)! as PollRow & {
				ballot: typeof ballot;
			};
			const values = cast
				.filter((v) => v.conferenceId === conferenceId && v.ballotId === ballot.id)
				.map((v) => v.value);
			const tally = tallySums(ballot, await pollVoteSums(database.db, poll));
			expect(tally.voters).toBeGreaterThanOrEqual(40);
			expect(tally).toEqual(tallyVotes(ballot, values));
		}
	});

	it('rolls a round up as its votes one by one, by role and weighting', async () => {
		const byBallot = tagged(await roundVoteGroups(database.db, roundId));
		for (const ballot of [RANKING, POINTS, SINGLE]) {
			const grouped = byBallot.get(ballot.id)!;
			const oneByOne = cast.filter((v) => v.ballotId === ballot.id);
			if (ballot.kind !== 'single') {
				// A group per conference and role, not per vote.
				expect(grouped.length).toBeLessThanOrEqual(pollsOf.size * PARTICIPANT_ROLES.length);
			}
			for (const options of [
				{ weighting: 'participant' as const },
				{ weighting: 'region-equal' as const, roles: ['folkevalgt' as const, 'annet' as const] }
			]) {
				// Regions weighted and added in another order may differ in the last bits.
				expect(rounded(rollup(ballot, grouped, options))).toEqual(
					rounded(rollup(ballot, oneByOne, options))
				);
			}
		}
	});

	it('gives an empty tally for a poll with no votes', async () => {
		const [conference] = await database.db.select().from(conferences).limit(1);
		const empty = ranking(2, IDS);
		await ensurePolls(database.db, conference!.id, 'tom', [{ ...empty, id: 'tom' }]);
		const [poll] = await database.db.select().from(polls).where(eq(polls.ballotId, 'tom'));
		const sums = await pollVoteSums(database.db, poll as PollRow & { ballot: typeof empty });
		expect(tallySums(empty, sums)).toEqual(tallyVotes(empty, []));
	});
});

/** A copy with every number to 12 significant digits. */
function rounded(value: unknown): unknown {
	return JSON.parse(
		JSON.stringify(value, (_, v: unknown) =>
			typeof v === 'number' ? Number(v.toPrecision(12)) : v
		)
	);
}
