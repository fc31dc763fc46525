import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Ballot } from '$lib/domain/ballots/types';
import type { Database } from '../index';
import { openSeededMemoryDatabase } from '../test-database';
import { conferences, polls, tableAnswers, votes } from '../schema';
import { insertParticipant, tableIdFor } from './participants';
import {
	ensurePolls,
	pollsProgress,
	setQuestionStatus,
	writeToOpenPolls,
	type PollRow
} from './polls';

const SCALE = { id: 'skala', kind: 'scale', title: 'Skala', min: 1, max: 5 } as unknown as Ballot;
const TABLE = { id: 'bordet', kind: 'table', title: 'Bordet' } as unknown as Ballot;

describe('writeToOpenPolls', () => {
	let database: Database;
	let conferenceId: string;
	let participantId: string;
	let tableId: string;
	let scale: PollRow;
	let table: PollRow;
	const at = new Date('2026-12-07T12:00:00Z');

	const stored = async () => ({
		votes: await database.db
			.select({ pollId: votes.pollId, value: votes.value })
			.from(votes)
			.where(eq(votes.participantId, participantId)),
		tables: await database.db
			.select({ pollId: tableAnswers.pollId, text: tableAnswers.text })
			.from(tableAnswers)
			.where(eq(tableAnswers.tableId, tableId))
	});
	const setStatus = (questionId: string, to: 'open' | 'closed') =>
		setQuestionStatus(database.db, conferenceId, questionId, ['draft', 'open', 'closed'], to, at);

	beforeAll(async () => {
		database = await openSeededMemoryDatabase();
		const [conference] = await database.db.select().from(conferences).limit(1);
		conferenceId = conference!.id;
		tableId = await tableIdFor(database.db, conferenceId, 1);
		participantId = await insertParticipant(database.db, {
			conferenceId,
			tokenHash: 'test-token-hash',
			municipalityCode: null,
			role: 'folkevalgt',
			tableId
		});
		await ensurePolls(database.db, conferenceId, 'q-skala', [SCALE]);
		await ensurePolls(database.db, conferenceId, 'q-bord', [TABLE]);
		const rows = await database.db.select().from(polls).where(eq(polls.conferenceId, conferenceId));
		scale = rows.find((p) => p.ballotId === SCALE.id) as PollRow;
		table = rows.find((p) => p.ballotId === TABLE.id) as PollRow;
	}, 60_000);
	afterAll(() => database?.close());

	beforeEach(async () => {
		await database.db.delete(votes);
		await database.db.delete(tableAnswers);
		await setStatus('q-skala', 'open');
		await setStatus('q-bord', 'open');
	});

	const vote = (value: number) => ({
		pollId: scale.id,
		participantId,
		value: { kind: 'scale', value } as const
	});
	const answer = (text: string) => ({ pollId: table.id, tableId, text, participantId });

	it('stores votes and table answers on open polls, and says which polls took them', async () => {
		const written = await writeToOpenPolls(
			database.db,
			{ votes: [vote(2)], tables: [answer('Mer lokalt')] },
			at
		);
		expect(written).toEqual(new Set([scale.id, table.id]));
		expect(await stored()).toEqual({
			votes: [{ pollId: scale.id, value: { kind: 'scale', value: 2 } }],
			tables: [{ pollId: table.id, text: 'Mer lokalt' }]
		});
	});

	it('replaces the earlier vote and the table’s earlier answer', async () => {
		await writeToOpenPolls(database.db, { votes: [vote(2)], tables: [answer('Først')] }, at);
		await writeToOpenPolls(database.db, { votes: [vote(4)], tables: [answer('Siden')] }, at);
		expect(await stored()).toEqual({
			votes: [{ pollId: scale.id, value: { kind: 'scale', value: 4 } }],
			tables: [{ pollId: table.id, text: 'Siden' }]
		});
	});

	it('writes nothing to a poll closed before it runs, and leaves the stored vote as it was', async () => {
		await writeToOpenPolls(database.db, { votes: [vote(2)], tables: [] }, at);
		await setStatus('q-skala', 'closed');
		const written = await writeToOpenPolls(
			database.db,
			{ votes: [vote(5)], tables: [answer('Sent svar')] },
			at
		);
		expect(written).toEqual(new Set([table.id]));
		expect(await stored()).toEqual({
			votes: [{ pollId: scale.id, value: { kind: 'scale', value: 2 } }],
			tables: [{ pollId: table.id, text: 'Sent svar' }]
		});
	});

	it('counts voters per poll (tables for a table ballot) and joined per conference', async () => {
		const [, other] = await database.db.select().from(conferences).limit(2);
		const voters = await Promise.all(
			['a', 'b'].map((n) =>
				insertParticipant(database.db, {
					conferenceId: other!.id,
					tokenHash: `other-${n}`,
					municipalityCode: null,
					role: 'folkevalgt',
					tableId: null
				})
			)
		);
		await ensurePolls(database.db, other!.id, 'q-skala', [SCALE]);
		const [elsewhere] = await database.db
			.select()
			.from(polls)
			.where(eq(polls.conferenceId, other!.id));
		await setQuestionStatus(database.db, other!.id, 'q-skala', ['draft'], 'open', at);
		const theirs = voters.map((id) => ({ ...vote(3), pollId: elsewhere!.id, participantId: id }));
		await writeToOpenPolls(
			database.db,
			{ votes: [vote(2), ...theirs], tables: [answer('Mer lokalt')] },
			at
		);
		await setStatus('q-bord', 'closed');

		const unknown = '00000000-0000-4000-8000-000000000000';
		const progress = await pollsProgress(database.db, [scale.id, table.id, elsewhere!.id, unknown]);
		expect(Object.fromEntries(progress)).toEqual({
			[scale.id]: { status: 'open', conferenceId, voters: 1, joined: 1 },
			[table.id]: { status: 'closed', conferenceId, voters: 1, joined: 1 },
			[elsewhere!.id]: { status: 'open', conferenceId: other!.id, voters: 2, joined: 2 }
		});
		expect(await pollsProgress(database.db, [])).toEqual(new Map());
	});

	it('does nothing for an empty batch', async () => {
		expect(await writeToOpenPolls(database.db, { votes: [], tables: [] }, at)).toEqual(new Set());
	});
});
