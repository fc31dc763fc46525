import { describe, expect, it } from 'vitest';
import { filterSearch, parseFilter } from './filter';

describe('dashboard filter', () => {
	it('reads roles, weighting and measure from the query', () => {
		const filter = parseFilter(
			new URLSearchParams('role=tillitsvalgt&role=folkevalgt&weighting=region-equal&measure=q1/a')
		);
		expect(filter).toEqual({
			roles: ['folkevalgt', 'tillitsvalgt'],
			weighting: 'region-equal',
			measure: 'q1/a'
		});
	});

	it('ignores unknown values and treats every role as everyone', () => {
		expect(parseFilter(new URLSearchParams('role=sjef&weighting=x'))).toEqual({
			roles: [],
			weighting: 'participant',
			measure: ''
		});
		const all = 'role=folkevalgt&role=administrasjon&role=tillitsvalgt&role=annet';
		expect(parseFilter(new URLSearchParams(all)).roles).toEqual([]);
	});

	it('writes a query without the defaults, and reads it back', () => {
		expect(filterSearch({ roles: [], weighting: 'participant', measure: '' })).toBe('');
		const filter = {
			roles: ['administrasjon' as const],
			weighting: 'region-equal' as const,
			measure: 'q2'
		};
		expect(parseFilter(new URLSearchParams(filterSearch(filter)))).toEqual(filter);
	});
});
