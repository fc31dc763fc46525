import { describe, expect, it } from 'vitest';
import { batchedLookup } from './batched-lookup';

describe('batchedLookup', () => {
	it('answers lookups that arrive together with one load, each key asked once', async () => {
		const loads: string[][] = [];
		const lookup = batchedLookup(async (keys) => {
			loads.push(keys);
			return new Map(keys.filter((k) => k !== 'missing').map((k) => [k, k.toUpperCase()]));
		});
		const first = await lookup('a'); // alone: at once
		const together = await Promise.all(['b', 'c', 'b', 'missing'].map(lookup));
		expect(first).toBe('A');
		expect(together).toEqual(['B', 'C', 'B', undefined]);
		expect(loads).toEqual([['a'], ['b', 'c', 'missing']]);
	});

	it('fails every lookup of a load that failed, and loads afresh next time', async () => {
		let calls = 0;
		const lookup = batchedLookup(async (keys) => {
			if (++calls === 1) {
				throw new Error('database gone');
			}
			return new Map(keys.map((k) => [k, 1]));
		});
		await expect(Promise.all([lookup('a'), lookup('b')])).rejects.toThrow('database gone');
		await expect(lookup('a')).resolves.toBe(1);
	});
});
