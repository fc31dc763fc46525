/**
 * Calls for the same key while one is under way share its answer instead of asking again; the
 * next call after it settles asks afresh. Nothing is cached beyond the call in flight.
 */
export function singleFlight<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
	const inFlight = new Map<string, Promise<T>>();
	return (key) => {
		let answer = inFlight.get(key);
		if (!answer) {
			answer = load(key).finally(() => inFlight.delete(key));
			inFlight.set(key, answer);
		}
		return answer;
	};
}
