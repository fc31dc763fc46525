import { describe, expect, it } from 'vitest';
import { createGroupCommit, type Settled } from './group-commit';

/** A write the test finishes by hand, recording every batch it was given. */
function manualWrite() {
	const batches: number[][] = [];
	const finish: Array<() => void> = [];
	const write = (items: number[]) => {
		batches.push(items);
		return new Promise<Settled<number>[]>((resolve) => {
			finish.push(() =>
				resolve(
					items.map((n) =>
						n < 0 ? { ok: false, error: new Error(`bad ${n}`) } : { ok: true, value: n * 10 }
					)
				)
			);
		});
	};
	return { batches, finish, write };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit', () => {
	it('writes a lone item at once, by itself', async () => {
		const { batches, finish, write } = manualWrite();
		const group = createGroupCommit(write, 100);
		const one = group.submit(1);
		await turn();
		expect(batches).toEqual([[1]]);
		finish[0]!();
		await expect(one).resolves.toBe(10);
		expect(group.pending).toBe(0);
	});

	it('gathers items that arrive during a write into the next one', async () => {
		const { batches, finish, write } = manualWrite();
		const group = createGroupCommit(write, 100);
		const first = group.submit(1);
		await turn();
		const later = [2, 3, 4].map((n) => group.submit(n));
		await turn();
		expect(batches).toEqual([[1]]);
		expect(group.pending).toBe(4);
		finish[0]!();
		await first;
		await turn();
		expect(batches).toEqual([[1], [2, 3, 4]]);
		finish[1]!();
		await expect(Promise.all(later)).resolves.toEqual([20, 30, 40]);
	});

	it('never puts more than maxBatch items in one write', async () => {
		const { batches, finish, write } = manualWrite();
		const group = createGroupCommit(write, 2);
		const all = [1, 2, 3, 4, 5].map((n) => group.submit(n));
		for (let i = 0; i < 3; i++) {
			await turn();
			finish[i]!();
		}
		await expect(Promise.all(all)).resolves.toEqual([10, 20, 30, 40, 50]);
		expect(batches).toEqual([[1, 2], [3, 4], [5]]);
	});

	it('refuses only the item the write refused', async () => {
		const { finish, write } = manualWrite();
		const group = createGroupCommit(write, 10);
		const good = group.submit(1);
		const bad = group.submit(-1);
		await turn();
		finish[0]!();
		await expect(good).resolves.toBe(10);
		await expect(bad).rejects.toThrow('bad -1');
	});

	it('rejects the whole batch when the write fails, and goes on with the next', async () => {
		let calls = 0;
		const group = createGroupCommit<number, number>(async (items) => {
			calls++;
			if (calls === 1) {
				throw new Error('database gone');
			}
			return items.map((n) => ({ ok: true, value: n }));
		}, 10);
		const failed = [group.submit(1), group.submit(2)];
		await expect(failed[0]).rejects.toThrow('database gone');
		await expect(failed[1]).rejects.toThrow('database gone');
		await expect(group.submit(3)).resolves.toBe(3);
	});

	it('starts writes at least the interval apart, gathering what arrives meanwhile', async () => {
		const { batches, finish, write } = manualWrite();
		const group = createGroupCommit(write, 100, 60);
		const first = group.submit(1);
		await turn();
		expect(batches).toEqual([[1]]); // after a quiet spell: at once
		finish[0]!();
		await first;
		const later = [group.submit(2), group.submit(3)];
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(batches).toEqual([[1]]); // the first write started less than 60 ms ago
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect(batches).toEqual([[1], [2, 3]]);
		finish[1]!();
		await expect(Promise.all(later)).resolves.toEqual([20, 30]);
	});
});
