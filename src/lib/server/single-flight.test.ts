import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight';

describe('singleFlight', () => {
	it('shares one load among calls for the same key made together, and loads afresh after', async () => {
		let loads = 0;
		const load = singleFlight(async (key: string) => `${key}${++loads}`);
		const together = await Promise.all([load('a'), load('a'), load('b')]);
		expect(together).toEqual(['a1', 'a1', 'b2']);
		expect(await load('a')).toBe('a3');
	});

	it('never answers a call with a read that began before it', async () => {
		let stored = 'before';
		const tick = () => new Promise((resolve) => setImmediate(resolve));
		// Reads what is stored when it begins, answers a moment later (a slow database).
		const read = singleFlight(async () => {
			const seen = stored;
			await tick();
			return seen;
		});
		const early = read('t');
		await Promise.resolve();
		stored = 'after'; // a change lands while the first read is under way
		const late = read('t');
		expect(await early).toBe('before');
		expect(await late).toBe('after');
	});

	it('starts no second read while the first is under way', async () => {
		let loads = 0;
		let finish: (value: string) => void = () => {};
		const read = singleFlight(() => {
			loads++;
			return new Promise<string>((resolve) => (finish = resolve));
		});
		const first = read('t');
		await new Promise((resolve) => setImmediate(resolve));
		const second = read('t');
		const third = read('t');
		await new Promise((resolve) => setImmediate(resolve));
		expect(loads).toBe(1);
		finish('one');
		expect(await first).toBe('one');
		await new Promise((resolve) => setImmediate(resolve));
		expect(loads).toBe(2);
		finish('two');
		expect(await Promise.all([second, third])).toEqual(['two', 'two']);
	});

	it('lets the next call try again after a failure', async () => {
		let calls = 0;
		const load = singleFlight(async () => {
			if (++calls === 1) {
				throw new Error('database gone');
			}
			return 'ok';
		});
		await expect(Promise.all([load('a'), load('a')])).rejects.toThrow('database gone');
		expect(calls).toBe(1);
		await expect(load('a')).resolves.toBe('ok');
	});
});
