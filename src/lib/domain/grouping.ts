export interface Group<T> {
	key: string;
	items: T[];
}

/**
 * Items grouped by `keyOf`: groups in the order of `order` (the booklet's themes, its questions,
 * the counties by name), then any other keys in the order first met; items keep their order.
 */
export function groupInOrder<T>(
	items: readonly T[],
	keyOf: (item: T) => string,
	order: readonly string[] = []
): Group<T>[] {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const key = keyOf(item);
		const group = groups.get(key) ?? [];
		groups.set(key, group);
		group.push(item);
	}
	const rank = new Map(order.map((key, i) => [key, i]));
	const firstMet = [...groups.keys()];
	const position = (key: string) => rank.get(key) ?? order.length + firstMet.indexOf(key);
	return [...groups.entries()]
		.sort(([a], [b]) => position(a) - position(b))
		.map(([key, grouped]) => ({ key, items: grouped }));
}

/** The words of a search, lower-cased; at most 8, so a pasted paragraph stays a cheap query. */
export function searchWords(query: string): string[] {
	return query
		.toLocaleLowerCase('nb')
		.split(/\s+/)
		.map((word) => word.trim())
		.filter((word) => word.length > 0)
		.slice(0, 8);
}

/** A word as an ILIKE pattern that matches it anywhere, with % _ and \ taken literally. */
export function containsPattern(word: string): string {
	return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
