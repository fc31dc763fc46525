import { describe, expect, it } from 'vitest';
import { mergedReads } from './merged-read';

function deferredReads() {
	const pending: { key: string; resolve: (v: number) => void }[] = [];
	let count = 0;
	const read = (key: string) =>
		new Promise<number>((resolve) => {
			count += 1;
			const n = count;
			pending.push({ key, resolve: () => resolve(n) });
		});
	return { read, pending, reads: () => count };
}

describe('mergedReads', () => {
	it('lets requests that arrive before a read starts share it', async () => {
		const { read, pending, reads } = deferredReads();
		const get = mergedReads(read);
		const a = get('round', 0);
		const b = get('round', 0);
		pending[0]!.resolve(0);
		expect(await a).toBe(1);
		expect(await b).toBe(1);
		expect(reads()).toBe(1);
	});

	it('queues a later request for one next read, shared by all who queued', async () => {
		const { read, pending, reads } = deferredReads();
		const get = mergedReads(read);
		const first = get('round', 0);
		const later = Date.now() + 1000;
		const second = get('round', later);
		const third = get('round', later);
		expect(reads()).toBe(1);
		pending[0]!.resolve(0);
		expect(await first).toBe(1);
		await Promise.resolve();
		await new Promise((r) => setTimeout(r, 0));
		expect(reads()).toBe(2);
		pending[1]!.resolve(0);
		expect(await second).toBe(2);
		expect(await third).toBe(2);
	});

	it('reads again once a read has settled, and keys apart', async () => {
		const { read, pending, reads } = deferredReads();
		const get = mergedReads(read);
		const a = get('a');
		pending[0]!.resolve(0);
		await a;
		const again = get('a');
		const other = get('b');
		expect(reads()).toBe(3);
		pending[1]!.resolve(0);
		pending[2]!.resolve(0);
		expect(await again).toBe(2);
		expect(await other).toBe(3);
	});

	it('passes a failed read on, and the next request tries again', async () => {
		let fail = true;
		const get = mergedReads(async () => {
			if (fail) {
				fail = false;
				throw new Error('down');
			}
			return 1;
		});
		await expect(get('k')).rejects.toThrow('down');
		expect(await get('k')).toBe(1);
	});
});
