import { describe, expect, it } from 'vitest';
import { tallyVotes } from '$lib/domain/ballots';
import type { Ballot } from '$lib/domain/ballots/types';
import { publicResult } from '$lib/domain/tally';
import { cellsOf, columnsOf } from './cells';

const single: Ballot = {
	id: 'q',
	kind: 'single',
	title: 'Q',
	options: [
		{ id: 'a', label: 'Alfa' },
		{ id: 'b', label: 'Beta' }
	]
};
const scale: Ballot = {
	id: 's',
	kind: 'scale',
	title: 'S',
	min: 1,
	max: 3,
	poles: { low: 'Sentralt', high: 'Lokalt' }
};
const result = (ballot: Ballot, values: unknown[]) => publicResult(tallyVotes(ballot, values));

describe('result cells', () => {
	it('gives options letters and a scale its mean and steps', () => {
		expect(columnsOf(single).map((c) => [c.short, c.label])).toEqual([
			['A', 'Alfa'],
			['B', 'Beta']
		]);
		expect(columnsOf(scale).map((c) => c.label)).toEqual([
			'Gjennomsnitt',
			'1: Sentralt',
			'2',
			'3: Lokalt'
		]);
	});

	it('shows shares as percentages, and never a figure for a small group', () => {
		const votes = ['a', 'a', 'a', 'b', 'b'].map((optionId) => ({ kind: 'single', optionId }));
		const shown = cellsOf(single, result(single, votes));
		expect(shown).toEqual({ state: 'shown', voters: 5, values: ['60\u00a0%', '40\u00a0%'] });
		expect(cellsOf(single, result(single, votes.slice(0, 4)))).toEqual({
			state: 'suppressed',
			voters: 4
		});
		expect(cellsOf(single, undefined)).toEqual({ state: 'none' });
	});

	it('writes a scale mean with a decimal comma', () => {
		const votes = [1, 2, 2, 3, 3].map((value) => ({ kind: 'scale', value }));
		const shown = cellsOf(scale, result(scale, votes));
		expect(shown.state === 'shown' && shown.values[0]).toBe('2,2');
	});
});
