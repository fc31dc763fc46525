/**
 * Changes heard while a (re)connect snapshot is on its way. The server may have read the snapshot
 * before they happened, so each is applied now and again on top of the snapshot when it comes.
 * Only the latest change per key is kept (a note edited twice is replayed once).
 */
export class Meanwhile {
	#open = new Set<Map<string, () => void>>();

	/** Starts keeping what is heard; the function it returns stops and gives it, oldest first. */
	start(): () => (() => void)[] {
		const heard = new Map<string, () => void>();
		this.#open.add(heard);
		return () => {
			this.#open.delete(heard);
			return [...heard.values()];
		};
	}

	/** Applies a change now, and keeps it for every snapshot on its way. */
	hear(key: string, apply: () => void): void {
		apply();
		for (const heard of this.#open) {
			heard.delete(key);
			heard.set(key, apply);
		}
	}
}
