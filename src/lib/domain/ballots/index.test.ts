import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../test-utils';
import { combineTallies, tallyCounted, tallySums, tallyVotes, validateVote } from './index';
import type { Tally, VoteSums } from './index';
import { multiple, points, ranking, scale, single, text } from './test-ballots';
import { sumsOf, validVote } from './test-sums';
import type { Ballot } from './types';

const unreadable = {
	ok: false,
	code: 'invalid_vote',
	message: 'Stemmen kunne ikke leses. Prøv igjen.'
};
const wrongKind = {
	ok: false,
	code: 'invalid_vote',
	message: 'Stemmen passer ikke til denne avstemningen.'
};

describe('validateVote', () => {
	it.each([
		null,
		undefined,
		'a',
		42,
		[],
		{},
		{ optionId: 'a' },
		{ kind: 'single' },
		{ kind: 'single', optionId: 42 },
		{ kind: 'single', optionId: 'Not A Slug' },
		{ kind: 'vote', optionId: 'a' },
		{ kind: 'points', points: { a: -1 } },
		{ kind: 'points', points: [] },
		{ kind: 'scale', value: '3' },
		{ kind: 'text', text: 'x'.repeat(2001) },
		{ kind: 'multiple', optionIds: Array.from({ length: 101 }, () => 'a') }
	])('rejects malformed input %j', (value) => {
		expect(validateVote(single(), value)).toEqual(unreadable);
	});

	it('rejects a well-formed vote of another kind', () => {
		expect(validateVote(single(), { kind: 'multiple', optionIds: ['a'] })).toEqual(wrongKind);
		expect(validateVote(text(20, 'table'), { kind: 'text', text: 'hei' })).toEqual(wrongKind);
		expect(validateVote(text(), { kind: 'table', text: 'hei' })).toEqual(wrongKind);
	});

	it('strips unknown fields and dispatches to the kind', () => {
		expect(validateVote(single(), { kind: 'single', optionId: 'a', admin: true })).toEqual({
			ok: true,
			value: { kind: 'single', optionId: 'a' }
		});
	});

	it.each<[Ballot, unknown, unknown]>([
		[multiple(1, 2), { kind: 'multiple', optionIds: ['b', 'a'] }, { optionIds: ['a', 'b'] }],
		[ranking(2), { kind: 'ranking', ranking: ['d', 'a'] }, { ranking: ['d', 'a'] }],
		[points(5), { kind: 'points', points: { b: 0, a: 2 } }, { points: { a: 2 } }],
		[scale(), { kind: 'scale', value: 5 }, { value: 5 }],
		[text(), { kind: 'text', text: ' hei ' }, { text: 'hei' }],
		[text(9, 'table'), { kind: 'table', text: 'vi\r\nmener' }, { text: 'vi\nmener' }]
	])('accepts and normalises a valid vote (%#)', (ballot, value, normalised) => {
		const check = validateVote(ballot, value);
		expect(check).toMatchObject({
			ok: true,
			value: { kind: ballot.kind, ...(normalised as object) }
		});
	});

	it.each<[Ballot, unknown]>([
		[single(), { kind: 'single', optionId: 'z' }],
		[multiple(2, 2), { kind: 'multiple', optionIds: ['a'] }],
		[ranking(), { kind: 'ranking', ranking: ['a'] }],
		[points(5), { kind: 'points', points: { a: 6 } }],
		[scale(), { kind: 'scale', value: 6 }],
		[text(), { kind: 'text', text: '' }]
	])('rejects an invalid vote with its own message (%#)', (ballot, value) => {
		const check = validateVote(ballot, value);
		expect(check.ok).toBe(false);
		if (!check.ok) {
			expect(check.message).not.toBe(unreadable.message);
		}
	});
});

describe('tallyVotes', () => {
	it('skips malformed, wrong-kind and invalid values', () => {
		const values = [
			{ kind: 'single', optionId: 'a' },
			null,
			'a',
			{ kind: 'multiple', optionIds: ['a'] },
			{ kind: 'single', optionId: 'x' },
			{ kind: 'single', optionId: 'a' }
		];
		const tally = tallyVotes(single(), values);
		expect(tally).toMatchObject({ kind: 'single', voters: 2, skipped: 4 });
	});

	it.each<Ballot>([
		single(),
		multiple(0, 2),
		ranking(),
		points(3),
		scale(),
		text(),
		text(5, 'table')
	])('gives an empty $kind tally for an empty poll', (ballot) => {
		expect(tallyVotes(ballot, [])).toMatchObject({ kind: ballot.kind, voters: 0, skipped: 0 });
	});
});

describe('tallyCounted', () => {
	const ballots: Ballot[] = [
		single(),
		multiple(0, 3),
		ranking(2),
		points(4, 3),
		scale(1, 4),
		text()
	];

	it.each(ballots)('equals tallying every vote one by one ($kind)', (ballot) => {
		const random = mulberry32(ballot.kind.length + 7);
		const distinct = Array.from({ length: 40 }, () => randomVote(ballot, random));
		const counted = [
			...distinct.map((value) => ({ value, count: 1 + Math.floor(random() * 30) })),
			{ value: { kind: 'text', text: 'ja' }, count: 3 },
			{ value: null, count: 5 }
		];
		// Copies, so that each is read on its own; and the same object repeated, as the rollup does.
		const copies = counted.flatMap(({ value, count }) =>
			Array.from({ length: count }, () => structuredClone(value))
		);
		const repeated = counted.flatMap(({ value, count }) => Array<unknown>(count).fill(value));
		const tally = tallyCounted(ballot, counted);
		expect(tally.voters).toBeGreaterThanOrEqual(3);
		expect(tally.skipped).toBeGreaterThanOrEqual(5);
		expect(tally).toEqual(tallyVotes(ballot, copies));
		expect(tallyVotes(ballot, repeated)).toEqual(tally);
	});

	it('counts an unreadable value as skipped as many times as it was cast', () => {
		const tally = tallyCounted(single(), [
			{ value: { kind: 'single', optionId: 'a' }, count: 4 },
			{ value: 'a', count: 3 }
		]);
		expect(tally).toMatchObject({ kind: 'single', voters: 4, skipped: 3 });
	});
});

describe('tallySums', () => {
	it.each([ranking(), ranking(2), points(4, 3), points(6)])(
		'equals tallying the valid votes one by one ($kind)',
		(ballot) => {
			const random = mulberry32(ballot.options.length * 13);
			const valid = Array.from({ length: 300 }, () => validVote(ballot, random));
			expect(valid.every((value) => validateVote(ballot, value).ok)).toBe(true);
			const tally = tallySums(ballot, sumsOf(ballot.kind, valid));
			expect(tally).toEqual(tallyVotes(ballot, valid));
		}
	);

	it('gives an empty tally for sums of no votes', () => {
		expect(tallySums(ranking(), { kind: 'ranking', voters: 0, places: [] })).toEqual(
			tallyVotes(ranking(), [])
		);
	});

	it('skips every voter of sums of another kind', () => {
		const sums: VoteSums = { kind: 'points', voters: 7, sums: [{ optionId: 'a', points: 9 }] };
		expect(tallySums(ranking(), sums)).toEqual({ ...tallyVotes(ranking(), []), skipped: 7 });
		expect(tallySums(single(), sums)).toMatchObject({ kind: 'single', voters: 0, skipped: 7 });
	});
});

describe('combineTallies', () => {
	const ballots: Ballot[] = [single(), multiple(0, 3), ranking(2), points(4, 3), scale(1, 4)];

	it.each(ballots)('with weight 1 equals tallying everything together ($kind)', (ballot) => {
		const random = mulberry32(ballot.kind.length);
		const values = Array.from({ length: 200 }, () => randomVote(ballot, random));
		const groups = [
			values.slice(0, 7),
			values.slice(7, 7),
			values.slice(7, 120),
			values.slice(120)
		];
		const parts = groups.map((group) => ({ tally: tallyVotes(ballot, group), weight: 1 }));
		const together = tallyVotes(ballot, values);
		expect(together.voters).toBeGreaterThan(10);
		expect(together.skipped).toBeGreaterThan(10);
		expect(combineTallies(ballot, parts)).toEqual(together);
	});

	it('throws when a tally is of another kind', () => {
		const tally: Tally = tallyVotes(scale(), []);
		expect(() => combineTallies(single(), [{ tally, weight: 1 }])).toThrow(TypeError);
	});
});

/** A random vote, valid or not, so that combining must also carry `skipped` correctly. */
function randomVote(ballot: Ballot, random: () => number): unknown {
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
	const ids = ['a', 'b', 'c', 'd', 'x'];
	const some = () => ids.filter(() => random() < 0.4);
	switch (pick(['single', 'multiple', 'ranking', 'points', 'scale', ballot.kind, ballot.kind])) {
		case 'single':
			return { kind: 'single', optionId: pick(ids) };
		case 'multiple':
			return { kind: 'multiple', optionIds: some() };
		case 'ranking':
			return { kind: 'ranking', ranking: some().sort(() => random() - 0.5) };
		case 'points':
			return {
				kind: 'points',
				points: Object.fromEntries(some().map((id) => [id, pick([0, 1, 2, 3])]))
			};
		default:
			return { kind: 'scale', value: pick([0, 1, 2, 3, 4, 5]) };
	}
}
