import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight';

describe('singleFlight', () => {
	it('shares one load among calls for the same key while it runs, and loads afresh after', async () => {
		let loads = 0;
		const load = singleFlight(async (key: string) => `${key}${++loads}`);
		const together = await Promise.all([load('a'), load('a'), load('b')]);
		expect(together).toEqual(['a1', 'a1', 'b2']);
		expect(await load('a')).toBe('a3');
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
