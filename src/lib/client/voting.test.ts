import { describe, expect, it } from 'vitest';
import type { Ballot, VoteValue } from '$lib/domain/ballots/types';
import type { ConferenceSnapshot, PollInfo, StaffTally } from '$lib/realtime/events';
import type { AppClientSocket } from './socket';
import { castVote, VotingState } from './voting.svelte';

const ballot = (id: string): Ballot => ({
	id,
	title: id,
	kind: 'single',
	options: [
		{ id: 'a', label: 'A' },
		{ id: 'b', label: 'B' }
	]
});

const poll = (id: string, questionId: string, ballotId: string, status: PollInfo['status']) => ({
	id,
	questionId,
	ballotId,
	ballot: ballot(ballotId),
	status
});

function snapshot(polls: PollInfo[]): ConferenceSnapshot {
	return {
		conference: {
			id: 'conf-1',
			title: 'Agder',
			regionName: 'Agder',
			joinCode: 'ABC234',
			status: 'live',
			verified: false
		},
		agenda: {} as ConferenceSnapshot['agenda'],
		polls,
		results: []
	};
}

/** A socket whose acknowledgements are scripted; records what was sent. */
function fakeSocket(answer: (event: string, input: unknown) => Promise<unknown>) {
	const sent: { event: string; input: unknown }[] = [];
	const socket = {
		timeout: () => ({
			emitWithAck: (event: string, input: unknown) => {
				sent.push({ event, input });
				return answer(event, input);
			}
		})
	};
	return { socket: socket as unknown as AppClientSocket, sent };
}

describe('VotingState', () => {
	it('loads a phone snapshot with its own votes and tallies', () => {
		const state = new VotingState();
		const vote: VoteValue = { kind: 'single', optionId: 'a' };
		const tally: StaffTally = {
			pollId: 'p1',
			tally: { kind: 'single', voters: 1, skipped: 0, options: [] },
			joined: 3,
			answers: []
		};
		state.loadSnapshot({
			...snapshot([poll('p1', 'q1', 'b1', 'open')]),
			votes: { p1: vote },
			tallies: [tally]
		});
		expect(state.conferenceId).toBe('conf-1');
		expect(state.polls).toHaveLength(1);
		expect(state.ownVotes.get('p1')).toEqual(vote);
		expect(state.tallies.get('p1')).toEqual(tally);
	});

	it('follows poll changes of its own conference only', () => {
		const state = new VotingState();
		state.loadSnapshot(snapshot([poll('p1', 'q1', 'b1', 'open')]));
		state.apply('polls:changed', {
			conferenceId: 'other',
			polls: [poll('p1', 'q1', 'b1', 'closed')]
		});
		expect(state.polls[0]!.status).toBe('open');
		state.apply('polls:changed', {
			conferenceId: 'conf-1',
			polls: [poll('p1', 'q1', 'b1', 'revealed')]
		});
		expect(state.polls[0]!.status).toBe('revealed');
	});

	it('keeps the polls of other questions when one question opens, closes or is revealed', () => {
		// The server sends only the changed question's polls (a facilitator's open, close, reveal).
		const state = new VotingState();
		state.loadSnapshot(snapshot([poll('p1', 'q1', 'b1', 'open')]));
		state.apply('polls:changed', {
			conferenceId: 'conf-1',
			polls: [poll('p2', 'q2', 'b1', 'open'), poll('p3', 'q2', 'b2', 'open')]
		});
		state.apply('polls:changed', {
			conferenceId: 'conf-1',
			polls: [poll('p1', 'q1', 'b1', 'revealed')]
		});
		expect(state.pollsOfQuestion('q1').map((p) => `${p.id} ${p.status}`)).toEqual(['p1 revealed']);
		expect(state.pollsOfQuestion('q2').map((p) => `${p.id} ${p.status}`)).toEqual([
			'p2 open',
			'p3 open'
		]);
		// The facilitator's own answer to an action is applied the same way.
		state.applyPolls({ conferenceId: 'conf-1', polls: [poll('p2', 'q2', 'b1', 'closed')] });
		expect(state.polls.map((p) => `${p.id} ${p.status}`).sort()).toEqual([
			'p1 revealed',
			'p2 closed',
			'p3 open'
		]);
	});

	it('replaces results, progress and tallies per poll without touching the others', () => {
		const state = new VotingState();
		const result = { kind: 'single', voters: 2, suppressed: true } as const;
		state.apply('poll:results', { pollId: 'p1', result, answers: [] });
		state.apply('poll:results', { pollId: 'p2', result, answers: [] });
		state.apply('poll:progress', { pollId: 'p1', voters: 1, joined: 9 });
		state.apply('poll:progress', { pollId: 'p1', voters: 2, joined: 9 });
		expect([...state.results.keys()]).toEqual(['p1', 'p2']);
		expect(state.progress.get('p1')).toEqual({ voters: 2, joined: 9 });
	});

	it('keeps what changed while a reconnect snapshot was on its way', () => {
		const state = new VotingState();
		state.loadSnapshot(snapshot([poll('p1', 'q1', 'b1', 'open')]));
		state.expectSnapshot();
		// The facilitator reveals p1 after the server read the snapshot, but its events come first.
		const result = { kind: 'single', voters: 2, suppressed: true } as const;
		state.apply('polls:changed', {
			conferenceId: 'conf-1',
			polls: [poll('p1', 'q1', 'b1', 'revealed')]
		});
		state.apply('poll:results', { pollId: 'p1', result, answers: [] });
		state.loadSnapshot(snapshot([poll('p1', 'q1', 'b1', 'open')]));
		expect(state.polls[0]!.status).toBe('revealed');
		expect(state.results.get('p1')?.result).toEqual(result);

		// Two questions changed while a snapshot read before both was on its way: both stay.
		state.expectSnapshot();
		state.apply('polls:changed', {
			conferenceId: 'conf-1',
			polls: [poll('p2', 'q2', 'b1', 'open')]
		});
		state.apply('polls:changed', {
			conferenceId: 'conf-1',
			polls: [poll('p1', 'q1', 'b1', 'closed')]
		});
		state.loadSnapshot(snapshot([poll('p1', 'q1', 'b1', 'revealed')]));
		expect(state.polls.map((p) => `${p.id} ${p.status}`).sort()).toEqual(['p1 closed', 'p2 open']);

		// A vote of this phone's, acknowledged while a snapshot read before it was on its way.
		const vote: VoteValue = { kind: 'single', optionId: 'b' };
		state.expectSnapshot();
		state.recordVote('p1', vote);
		state.loadSnapshot({ ...snapshot([poll('p1', 'q1', 'b1', 'open')]), votes: {} });
		expect(state.ownVotes.get('p1')).toEqual(vote);

		// Once loaded, the next snapshot is the truth again.
		state.loadSnapshot(snapshot([poll('p1', 'q1', 'b1', 'closed')]));
		expect(state.polls[0]!.status).toBe('closed');
		expect(state.results.size).toBe(0);
	});

	it('gives the polls of a question in the order of its ballots', () => {
		const state = new VotingState();
		state.loadSnapshot(
			snapshot([
				poll('p3', 'q1', 'follow-up', 'open'),
				poll('p9', 'q2', 'other', 'open'),
				poll('p1', 'q1', 'first', 'open')
			])
		);
		expect(state.pollsOfQuestion('q1', ['first', 'follow-up']).map((p) => p.id)).toEqual([
			'p1',
			'p3'
		]);
		expect(state.pollsOfQuestion('q1').map((p) => p.id)).toEqual(['p3', 'p1']);
	});

	it('records a vote only once the server has acknowledged it', async () => {
		const state = new VotingState();
		const stored: VoteValue = { kind: 'text', text: 'trimmed' };
		const ok = fakeSocket(async () => ({ ok: true, data: { pollId: 'p1', value: stored } }));
		expect(await state.vote(ok.socket, 'p1', { kind: 'text', text: ' trimmed ' })).toEqual({
			ok: true
		});
		expect(ok.sent).toEqual([
			{ event: 'vote:cast', input: { pollId: 'p1', value: { kind: 'text', text: ' trimmed ' } } }
		]);
		expect(state.ownVotes.get('p1')).toEqual(stored);

		const refused = fakeSocket(async () => ({
			ok: false,
			error: { code: 'poll_closed', message: 'Avstemningen er lukket.' }
		}));
		const result = await state.vote(refused.socket, 'p2', stored);
		expect(result).toEqual({ ok: false, message: 'Avstemningen er lukket.' });
		expect(state.ownVotes.has('p2')).toBe(false);
	});

	it('turns a timed-out vote into an error result', async () => {
		const { socket } = fakeSocket(() => Promise.reject(new Error('operation has timed out')));
		const ack = await castVote(socket, 'p1', { kind: 'single', optionId: 'a' });
		expect(ack.ok).toBe(false);
		expect(ack.ok ? '' : ack.error.code).toBe('timeout');
	});

	it('remembers a star once the server took it', async () => {
		const state = new VotingState();
		const { socket, sent } = fakeSocket(async () => ({ ok: true, data: { pollId: 'p1' } }));
		await state.upvote(socket, 'p1', 'answer-1');
		expect(sent[0]).toEqual({
			event: 'text:upvote',
			input: { pollId: 'p1', answerId: 'answer-1' }
		});
		expect(state.upvoted.has('answer-1')).toBe(true);
	});
});
