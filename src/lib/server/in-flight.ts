/** Counts work in progress so a graceful shutdown can wait for acknowledged writes to finish. */
export interface InFlight {
	track<T>(work: () => Promise<T>): Promise<T>;
	/** Resolves when nothing is in flight (or after `timeoutMs`). */
	drained(timeoutMs: number): Promise<void>;
	readonly size: number;
}

export function createInFlight(): InFlight {
	let size = 0;
	let waiters: (() => void)[] = [];

	const settle = () => {
		size--;
		if (size === 0) {
			waiters.forEach((wake) => wake());
			waiters = [];
		}
	};

	return {
		get size() {
			return size;
		},
		async track(work) {
			size++;
			try {
				return await work();
			} finally {
				settle();
			}
		},
		drained(timeoutMs) {
			if (size === 0) {
				return Promise.resolve();
			}
			return new Promise((resolve) => {
				const timer = setTimeout(resolve, timeoutMs);
				waiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
	};
}
