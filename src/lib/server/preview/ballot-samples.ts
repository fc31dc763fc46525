import { resolve } from 'node:path';
import { tallyVotes } from '$lib/domain/ballots';
import { rankedCount } from '$lib/domain/ballots/ranking';
import type { Ballot, VoteValue } from '$lib/domain/ballots/types';
import { publicResult } from '$lib/domain/tally';
import { parsePack } from '$lib/content/parse';
import type { Question } from '$lib/content/schema';
import type { PollInfo, PollResults, StaffTally, TextAnswerView } from '$lib/realtime/events';
import { readPack } from '../content/read-pack';
import { EXTRA_QUESTION, SAMPLE_ANSWERS } from './extra-ballots';

/**
 * Sample polls, votes and results for the component preview pages (/preview/…): every ballot
 * kind of the KS 2022 pack plus the kinds the pack lacks, with made-up but repeatable votes.
 */
export interface PreviewQuestion {
	id: string;
	number: number;
	text: string;
	polls: PollInfo[];
}

export interface PreviewData {
	questions: PreviewQuestion[];
	results: PollResults[];
	tallies: StaffTally[];
	joined: number;
}

const VOTERS = 23;
const JOINED = 31;

/** A small seeded generator (mulberry32), so every load shows the same sample. */
function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A poll id that looks like the real ones (the server's schemas want UUIDs). */
const pollId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Lower options are likelier, so the sample results are not flat. */
function pick<T>(items: readonly T[], rnd: () => number): T {
	const weights = items.map((_, i) => 1 / (i + 1.5));
	let r = rnd() * weights.reduce((a, b) => a + b, 0);
	for (const [i, w] of weights.entries()) {
		r -= w;
		if (r <= 0) {
			return items[i]!;
		}
	}
	return items.at(-1)!;
}

function sampleVote(ballot: Ballot, rnd: () => number, i: number): VoteValue {
	switch (ballot.kind) {
		case 'single':
			return { kind: 'single', optionId: pick(ballot.options, rnd).id };
		case 'multiple': {
			const ids = ballot.options.filter(() => rnd() < 0.4).map((o) => o.id);
			const chosen = ids.length > 0 ? ids : [pick(ballot.options, rnd).id];
			return { kind: 'multiple', optionIds: chosen.slice(0, ballot.max) };
		}
		case 'ranking': {
			const order = [...ballot.options].sort(() => rnd() - 0.45).map((o) => o.id);
			return { kind: 'ranking', ranking: order.slice(0, rankedCount(ballot)) };
		}
		case 'points': {
			const points: Record<string, number> = {};
			for (let left = ballot.budget; left > 0; left--) {
				const id = pick(ballot.options, rnd).id;
				if ((points[id] ?? 0) < (ballot.cap ?? ballot.budget)) {
					points[id] = (points[id] ?? 0) + 1;
				}
			}
			return { kind: 'points', points };
		}
		case 'scale': {
			const steps = Array.from({ length: ballot.max - ballot.min + 1 }, (_, k) => ballot.max - k);
			return { kind: 'scale', value: pick(steps, rnd) };
		}
		case 'text':
		case 'table':
			return { kind: ballot.kind, text: SAMPLE_ANSWERS[i % SAMPLE_ANSWERS.length]! };
	}
}

function sampleAnswers(ballot: Ballot, count: number): (TextAnswerView & { hidden: boolean })[] {
	return SAMPLE_ANSWERS.slice(0, count).map((text, i) => ({
		id: `00000000-0000-4000-9000-${String(i + 1).padStart(12, '0')}`,
		text,
		upvotes: (i * 7) % 5,
		tableNumber: ballot.kind === 'table' ? i + 1 : null,
		hidden: i === 2
	}));
}

function sample(poll: PollInfo, index: number) {
	const rnd = random(index + 1);
	// The last poll has too few voters: its public result is suppressed.
	const voters = index === 2 ? 3 : VOTERS;
	const votes = Array.from({ length: voters }, (_, i) => sampleVote(poll.ballot, rnd, i));
	const tally = tallyVotes(poll.ballot, votes);
	const answers =
		poll.ballot.kind === 'text' || poll.ballot.kind === 'table'
			? sampleAnswers(poll.ballot, 5)
			: [];
	const staff: StaffTally = { pollId: poll.id, tally, joined: JOINED, answers };
	const results: PollResults = {
		pollId: poll.id,
		result: publicResult(tally),
		answers: answers.filter((a) => !a.hidden).map(({ hidden: _h, ...a }) => a)
	};
	return { staff, results };
}

/** Reads the bundled KS 2022 pack and builds the preview's polls, tallies and results. */
export async function loadPreview(): Promise<PreviewData> {
	const parsed = parsePack(await readPack(resolve('content/ks-2022')));
	const questions: Question[] = parsed.ok ? [...parsed.pack.questions, EXTRA_QUESTION] : [];
	let n = 0;
	const preview = questions.map((q) => ({
		id: q.id,
		number: q.number,
		text: q.text,
		polls: q.ballots.map(({ source: _s, ...ballot }): PollInfo => ({
			id: pollId(++n),
			questionId: q.id,
			ballotId: ballot.id,
			ballot: ballot as Ballot,
			status: 'open'
		}))
	}));
	const polls = preview.flatMap((q) => q.polls);
	const samples = polls.map(sample);
	return {
		questions: preview,
		results: samples.map((s) => s.results),
		tallies: samples.map((s) => s.staff),
		joined: JOINED
	};
}
