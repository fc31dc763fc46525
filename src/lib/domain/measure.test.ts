import { describe, expect, it } from 'vitest';
import { tallyVotes } from './ballots';
import type { Ballot } from './ballots/types';
import { findMeasure, measuresOf, measureValue } from './measure';
import { publicResult } from './tally';

const single: Ballot = {
	id: 'q1',
	kind: 'single',
	title: 'Sentralt eller lokalt?',
	options: [
		{ id: 'sentralt', label: 'Sentralt' },
		{ id: 'lokalt', label: 'Lokalt' }
	]
};
const scale: Ballot = { id: 'q2', kind: 'scale', title: 'Skala', min: 1, max: 5 };
const text: Ballot = { id: 'q3', kind: 'text', title: 'Fritekst', maxLength: 100 };

const votes = (ballot: Ballot, values: unknown[]) => publicResult(tallyVotes(ballot, values));

describe('measuresOf', () => {
	it('gives one measure per option, one mean per scale and none for text', () => {
		expect(measuresOf(single).map((m) => m.key)).toEqual(['q1/sentralt', 'q1/lokalt']);
		expect(measuresOf(scale)).toEqual([
			{ key: 'q2', ballotId: 'q2', optionId: null, kind: 'mean', min: 1, max: 5 }
		]);
		expect(measuresOf(text)).toEqual([]);
	});

	it('finds a measure by key across ballots', () => {
		expect(findMeasure([single, scale], 'q2')?.kind).toBe('mean');
		expect(findMeasure([single, scale], 'q1/lokalt')?.optionId).toBe('lokalt');
		expect(findMeasure([single, scale], 'nope')).toBeUndefined();
	});
});

describe('measureValue', () => {
	it('is the share choosing the option, as a fraction of the range', () => {
		const values = [
			...Array.from({ length: 3 }, () => ({ kind: 'single', optionId: 'lokalt' })),
			{ kind: 'single', optionId: 'sentralt' }
		];
		const result = votes(single, [...values, ...values]);
		expect(measureValue(findMeasure([single], 'q1/lokalt')!, result)).toEqual({
			state: 'value',
			value: 0.75,
			fraction: 0.75
		});
	});

	it('places a scale mean between the ends', () => {
		const result = votes(
			scale,
			[2, 3, 3, 4, 5].map((value) => ({ kind: 'scale', value }))
		);
		expect(measureValue(measuresOf(scale)[0]!, result)).toEqual({
			state: 'value',
			value: 3.4,
			fraction: 0.6
		});
	});

	it('withholds a small group and says when there are no votes', () => {
		const few = votes(single, [{ kind: 'single', optionId: 'lokalt' }]);
		expect(measureValue(measuresOf(single)[0]!, few)).toEqual({ state: 'suppressed', voters: 1 });
		expect(measureValue(measuresOf(single)[0]!, undefined)).toEqual({ state: 'none' });
		expect(measureValue(measuresOf(single)[0]!, votes(single, []))).toEqual({ state: 'none' });
	});
});
