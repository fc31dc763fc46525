interface Read<T> {
	startedAt: number;
	promise: Promise<T>;
	done: boolean;
}

interface Slot<T> {
	current?: Read<T>;
	next?: Promise<T>;
}

/**
 * Merges concurrent reads of the same key: a request joins a read that is in flight and began
 * no earlier than the request arrived (so it sees everything committed before then); otherwise
 * it waits for the next read, which starts when the one in flight ends and serves every request
 * that queued meanwhile. However many screens ask at once, a key is read at most twice per
 * burst, and nobody gets data older than their request. Nothing is kept once reads settle.
 */
export function mergedReads<T>(read: (key: string) => Promise<T>) {
	const slots = new Map<string, Slot<T>>();

	function start(key: string, slot: Slot<T>): Promise<T> {
		const entry: Read<T> = { startedAt: Date.now(), done: false, promise: read(key) };
		slot.current = entry;
		const settle = () => {
			entry.done = true;
			if (!slot.next && slots.get(key) === slot) {
				slots.delete(key);
			}
		};
		entry.promise.then(settle, settle);
		return entry.promise;
	}

	return (key: string, arrivedAt = Date.now()): Promise<T> => {
		const slot = slots.get(key) ?? {};
		slots.set(key, slot);
		const current = slot.current;
		if (current && !current.done && current.startedAt >= arrivedAt) {
			return current.promise;
		}
		if (!current || current.done) {
			return start(key, slot);
		}
		slot.next ??= current.promise
			.catch(() => undefined)
			.then(() => {
				slot.next = undefined;
				return start(key, slot);
			});
		return slot.next;
	};
}
