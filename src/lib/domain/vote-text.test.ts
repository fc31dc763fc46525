import { describe, expect, it } from 'vitest';
import type { Ballot } from './ballots/types';
import { describeVote } from './vote-text';

const options = [
	{ id: 'a', label: 'Alfa' },
	{ id: 'b', label: 'Beta' },
	{ id: 'c', label: 'Gamma' }
];
const ballot = (kind: 'single' | 'multiple' | 'ranking' | 'points'): Ballot =>
	kind === 'multiple'
		? { id: 'x', kind, title: 'X', options, min: 0, max: 3 }
		: kind === 'points'
			? { id: 'x', kind, title: 'X', options, budget: 100 }
			: { id: 'x', kind, title: 'X', options };

describe('describeVote', () => {
	it('names the chosen options with their labels and ids', () => {
		expect(describeVote(ballot('single'), { kind: 'single', optionId: 'b' })).toEqual({
			answer: 'Beta',
			code: 'b',
			number: null
		});
		expect(describeVote(ballot('multiple'), { kind: 'multiple', optionIds: ['a', 'c'] })).toEqual({
			answer: 'Alfa | Gamma',
			code: 'a|c',
			number: null
		});
	});

	it('numbers a ranking and lists the points given', () => {
		expect(describeVote(ballot('ranking'), { kind: 'ranking', ranking: ['c', 'a', 'b'] })).toEqual({
			answer: '1. Gamma | 2. Alfa | 3. Beta',
			code: 'c>a>b',
			number: null
		});
		expect(
			describeVote(ballot('points'), { kind: 'points', points: { a: 70, b: 0, c: 30 } })
		).toEqual({ answer: 'Alfa: 70 | Gamma: 30', code: 'a=70|c=30', number: null });
	});

	it('gives a scale value as a number, with its pole', () => {
		const scale: Ballot = {
			id: 's',
			kind: 'scale',
			title: 'S',
			min: 1,
			max: 5,
			poles: { low: 'Sentralt', high: 'Lokalt' }
		};
		expect(describeVote(scale, { kind: 'scale', value: 5 })).toEqual({
			answer: '5 (Lokalt)',
			code: '5',
			number: 5
		});
		expect(describeVote(scale, { kind: 'scale', value: 3 }).answer).toBe('3');
	});

	it('keeps free text as written and shows anything else as JSON', () => {
		const text: Ballot = { id: 't', kind: 'text', title: 'T', maxLength: 100 };
		expect(describeVote(text, { kind: 'text', text: '=1+1' }).answer).toBe('=1+1');
		expect(describeVote(text, { nonsense: true })).toEqual({
			answer: '{"nonsense":true}',
			code: '',
			number: null
		});
	});

	it('falls back to the id of an option the ballot does not have', () => {
		expect(describeVote(ballot('single'), { kind: 'single', optionId: 'zz' }).answer).toBe('zz');
	});
});
