import { describe, expect, it } from 'vitest';
import { tilePlaces } from './tile-layout';

const today = [
	'03',
	'11',
	'15',
	'18',
	'31',
	'32',
	'33',
	'34',
	'39',
	'40',
	'42',
	'46',
	'50',
	'55',
	'56'
];
const of2022 = ['03', '11', '15', '18', '30', '34', '38', '42', '46', '50', '54'];

describe('tilePlaces', () => {
	it('places every county of 2024 and of 2022 without overlap', () => {
		for (const codes of [today, of2022]) {
			const places = tilePlaces(codes.map((code) => ({ id: `r${code}`, code })));
			expect(places?.size).toBe(codes.length);
			const cells = new Set([...places!.values()].map((p) => `${p.column},${p.row}`));
			expect(cells.size).toBe(codes.length);
		}
	});

	it('gives up on an unknown region or an overlap', () => {
		expect(tilePlaces([{ id: 'x', code: 'VIKEN' }])).toBeNull();
		expect(
			tilePlaces([
				{ id: 'a', code: '30' },
				{ id: 'b', code: '32' }
			])
		).toBeNull();
	});
});
