import { createGroupCommit } from './group-commit';

/**
 * Lookups by key that arrive together (a hall's phones all reconnecting) are answered by one
 * query for all their keys instead of one query each; a lone lookup goes at once. `load` gets
 * each key once and answers those it found.
 */
export function batchedLookup<V>(
	load: (keys: string[]) => Promise<Map<string, V>>,
	gatherMs = 10,
	maxKeys = 500
): (key: string) => Promise<V | undefined> {
	const group = createGroupCommit<string, V | undefined>(
		async (keys) => {
			const found = await load([...new Set(keys)]);
			return keys.map((key) => ({ ok: true, value: found.get(key) }));
		},
		maxKeys,
		gatherMs
	);
	return (key) => group.submit(key);
}
