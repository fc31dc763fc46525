import { resolve } from 'node:path';
import { error } from '@sveltejs/kit';
import { parsePack } from '$lib/content/parse';
import { rankedCount } from '$lib/domain/ballots/ranking';
import type { Ballot } from '$lib/domain/ballots/types';
import { rollup, type TaggedVote } from '$lib/domain/rollup';
import type { PollComparison } from '$lib/realtime/nation';
import { readPack } from '$lib/server/content/read-pack';

// A preview of "our county vs the country" on made-up, repeatable votes; nothing is stored.

const REGIONS = ['vestland', 'agder', 'nordland', 'oslo'];

function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function sampleVote(ballot: Ballot, rnd: () => number, lean: number): unknown {
	const options = 'options' in ballot ? ballot.options.map((o) => o.id) : [];
	const pickIndex = (n: number) => Math.min(n - 1, Math.floor((rnd() * rnd() + lean) * n) % n);
	switch (ballot.kind) {
		case 'scale':
			return { kind: 'scale', value: ballot.min + pickIndex(ballot.max - ballot.min + 1) };
		case 'single':
			return { kind: 'single', optionId: options[pickIndex(options.length)] };
		case 'ranking': {
			const shuffled = options
				.map((id, i) => ({ id, key: rnd() + i * (0.3 - lean) }))
				.sort((a, b) => a.key - b.key)
				.map((o) => o.id);
			return { kind: 'ranking', ranking: shuffled.slice(0, rankedCount(ballot)) };
		}
		case 'points': {
			const first = options[pickIndex(options.length)]!;
			const second = options.find((o) => o !== first)!;
			const some = Math.round((ballot.budget * (50 + rnd() * 50)) / 100);
			return { kind: 'points', points: { [first]: some, [second]: ballot.budget - some } };
		}
		default:
			return null;
	}
}

function comparison(ballot: Ballot, n: number, countyVoters: number): PollComparison {
	const rnd = random(n + 7);
	const votes: TaggedVote[] = REGIONS.flatMap((regionId, r) =>
		Array.from({ length: r === 0 ? countyVoters : 30 + r * 7 }, () => ({
			conferenceId: `c-${regionId}`,
			regionId,
			role: 'folkevalgt' as const,
			value: sampleVote(ballot, rnd, r === 0 ? 0.35 : 0)
		}))
	);
	const result = rollup(ballot, votes, { weighting: 'participant' });
	return {
		pollId: `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`,
		conferenceId: '00000000-0000-4000-9000-000000000000',
		ballot,
		regionName: 'Vestland',
		county: result.byRegion.vestland!,
		nation: result.nation,
		nationRegions: result.nationRegionIds.length,
		at: 0
	};
}

export const load = async () => {
	const parsed = parsePack(await readPack(resolve('content/ks-2022')));
	if (!parsed.ok) {
		error(500, { message: 'The sample pack did not parse.', code: 'internal' });
	}
	const ballots = parsed.pack.questions.flatMap((q) => q.ballots);
	const first = (kind: Ballot['kind']) => ballots.find((b) => b.kind === kind)!;
	return {
		comparisons: [
			comparison(first('scale'), 1, 23),
			comparison(first('single'), 2, 23),
			comparison(first('ranking'), 3, 23),
			comparison(first('points'), 4, 23),
			comparison(first('single'), 5, 3)
		]
	};
};
