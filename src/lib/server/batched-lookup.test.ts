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

	it('never answers a lookup with a read that began before it was asked', async () => {
		let stored = 'before';
		const tick = () => new Promise((resolve) => setImmediate(resolve));
		// Reads what is stored when it begins, answers a moment later (a slow database).
		const lookup = batchedLookup(async (keys) => {
			const seen = stored;
			await tick();
			return new Map(keys.map((k) => [k, seen]));
		}, 0);
		const early = lookup('t');
		await tick(); // the first read is under way
		stored = 'after'; // a change lands meanwhile; a phone that joined since asks
		const late = lookup('t');
		expect(await early).toBe('before');
		expect(await late).toBe('after');
	});
});
