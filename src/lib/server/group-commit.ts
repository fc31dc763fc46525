/** One item's outcome in a group write: its value, or the error that refused it alone. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface GroupCommit<In, Out> {
	/** Resolves (or rejects) once the write that carried `item` has finished. */
	submit(item: In): Promise<Out>;
	/** Items waiting or being written. */
	readonly pending: number;
}

interface Waiting<In, Out> {
	item: In;
	resolve(value: Out): void;
	reject(error: unknown): void;
}

/**
 * Group commit: items submitted while a write is under way wait and go together in the next
 * write, so a database transaction (and its fsync, and its round trips) is paid once per batch
 * rather than once per item. Writes start at least `minIntervalMs` apart, so that under load
 * batches gather for that long; a lone item after a quiet spell goes at once. Batches hold at
 * most `maxBatch` items. `write` answers for every item, in order; if it throws, every item of
 * that batch is rejected with the error.
 */
export function createGroupCommit<In, Out>(
	write: (items: In[]) => Promise<Settled<Out>[]>,
	maxBatch: number,
	minIntervalMs = 0
): GroupCommit<In, Out> {
	const queue: Waiting<In, Out>[] = [];
	let writing = 0;
	let draining = false;
	let lastStart = -Infinity;

	async function drain() {
		while (queue.length > 0) {
			const wait = lastStart + minIntervalMs - Date.now();
			if (wait > 0) {
				await new Promise((resolve) => setTimeout(resolve, wait));
			}
			lastStart = Date.now();
			const batch = queue.splice(0, maxBatch);
			writing = batch.length;
			try {
				const results = await write(batch.map((w) => w.item));
				batch.forEach((waiting, i) => settle(waiting, results[i]));
			} catch (error) {
				batch.forEach((waiting) => waiting.reject(error));
			}
			writing = 0;
		}
		draining = false;
	}

	function settle(waiting: Waiting<In, Out>, result: Settled<Out> | undefined) {
		if (!result) {
			waiting.reject(new Error('group write gave no result for an item'));
		} else if (result.ok) {
			waiting.resolve(result.value);
		} else {
			waiting.reject(result.error);
		}
	}

	return {
		submit(item) {
			return new Promise<Out>((resolve, reject) => {
				queue.push({ item, resolve, reject });
				if (!draining) {
					draining = true;
					// Items that arrive in the same turn of the event loop share the first write.
					setImmediate(() => void drain());
				}
			});
		},
		get pending() {
			return queue.length + writing;
		}
	};
}
