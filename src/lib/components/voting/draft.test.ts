import { describe, expect, it } from 'vitest';
import { validateVote } from '$lib/domain/ballots';
import { multiple, points, ranking, scale, single, text } from '$lib/domain/ballots/test-ballots';
import {
	canonical,
	draftToVote,
	initialDraft,
	moveItem,
	pointsLeft,
	pointsMax,
	rankingLeft,
	sameVote,
	setPoints
} from './draft';

describe('initialDraft', () => {
	it('starts empty, with every option at 0 points', () => {
		expect(initialDraft(points(10))).toMatchObject({
			optionId: null,
			ranking: [],
			scale: null,
			points: { a: 0, b: 0, c: 0 }
		});
	});

	it('starts from the stored vote, so a reconnected phone shows its answer', () => {
		expect(initialDraft(single(), { kind: 'single', optionId: 'b' }).optionId).toBe('b');
		expect(initialDraft(points(10), { kind: 'points', points: { b: 7 } }).points).toEqual({
			a: 0,
			b: 7,
			c: 0
		});
		expect(initialDraft(scale(), { kind: 'scale', value: 4 }).scale).toBe(4);
	});

	it('ignores a stored vote of another kind', () => {
		expect(initialDraft(single(), { kind: 'scale', value: 4 }).optionId).toBeNull();
	});
});

describe('draftToVote', () => {
	it('has nothing to send before a single choice or a scale step is picked', () => {
		expect(draftToVote(single(), initialDraft(single()))).toBeNull();
		expect(draftToVote(scale(), initialDraft(scale()))).toBeNull();
	});

	it('gives a vote the domain accepts, normalised the same way as on the server', () => {
		const ballot = points(10);
		const draft = { ...initialDraft(ballot), points: { a: 3, b: 0, c: 7 } };
		const check = validateVote(ballot, draftToVote(ballot, draft));
		expect(check).toEqual({ ok: true, value: { kind: 'points', points: { a: 3, c: 7 } } });
	});

	it('lets the domain explain an incomplete ranking', () => {
		const ballot = ranking(2);
		const draft = { ...initialDraft(ballot), ranking: ['c'] };
		const check = validateVote(ballot, draftToVote(ballot, draft));
		expect(check.ok).toBe(false);
		expect(rankingLeft(ballot, ['c'])).toBe(1);
	});

	it('sends table answers as table votes', () => {
		const ballot = text(50, 'table');
		expect(draftToVote(ballot, { ...initialDraft(ballot), text: 'Vi mener' })).toEqual({
			kind: 'table',
			text: 'Vi mener'
		});
	});

	it('keeps multiple choices as picked', () => {
		const ballot = multiple(1, 2);
		expect(draftToVote(ballot, { ...initialDraft(ballot), optionIds: ['a', 'c'] })).toEqual({
			kind: 'multiple',
			optionIds: ['a', 'c']
		});
	});
});

describe('moveItem', () => {
	it('moves up and down and stops at the ends', () => {
		expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
		expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
		expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
		expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
	});
});

describe('points', () => {
	it('counts what is left and never lets a step overspend or pass the cap', () => {
		const ballot = points(10, 6);
		let given = initialDraft(ballot).points;
		given = setPoints(ballot, given, 'a', 8);
		expect(given.a).toBe(6);
		given = setPoints(ballot, given, 'b', 9);
		expect(given.b).toBe(4);
		expect(pointsLeft(ballot, given)).toBe(0);
		expect(pointsMax(ballot, given, 'c')).toBe(0);
		expect(setPoints(ballot, given, 'a', -3).a).toBe(0);
		expect(setPoints(ballot, given, 'a', Number.NaN).a).toBe(0);
		expect(setPoints(ballot, given, 'b', 2.6).b).toBe(3);
	});
});

describe('sameVote', () => {
	it('compares votes whatever their key order (stored JSON may reorder keys)', () => {
		expect(
			sameVote(
				{ kind: 'points', points: { a: 1, b: 2 } },
				{ points: { b: 2, a: 1 }, kind: 'points' }
			)
		).toBe(true);
		expect(sameVote({ kind: 'scale', value: 1 }, { kind: 'scale', value: 2 })).toBe(false);
		expect(sameVote(undefined, null)).toBe(true);
		expect(canonical({ b: 1, a: [2, 1] })).toBe('{"a":[2,1],"b":1}');
	});
});
