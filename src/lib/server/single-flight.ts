/**
 * Calls for the same key share one read, and every caller's read begins after it asked: a call
 * made while a read is under way waits for the next one, which starts once that settles and is
 * shared by everyone who asked meanwhile. A phone that joins a room and then reads therefore
 * never gets a snapshot older than its joining. Nothing is cached beyond the calls in flight.
 */
export function singleFlight<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
	const underWay = new Map<string, Promise<T>>();
	const waiting = new Map<string, Promise<T>>();

	const start = (key: string) => {
		waiting.delete(key);
		const read = load(key);
		underWay.set(key, read);
		const settled = () => {
			if (underWay.get(key) === read) {
				underWay.delete(key);
			}
		};
		read.then(settled, settled);
		return read;
	};

	return (key) => {
		const queued = waiting.get(key);
		if (queued) {
			return queued;
		}
		const before = underWay.get(key) ?? Promise.resolve();
		const next = before.then(
			() => start(key),
			() => start(key)
		);
		waiting.set(key, next);
		return next;
	};
}
