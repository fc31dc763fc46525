import { z } from 'zod';

/**
 * Keeps what is valid in a file that failed its schema: each top-level field that parses, and
 * of each list the items that parse. Cross-file checks then still run on the rest, so one bad
 * card does not hide a dangling reference elsewhere.
 *
 * Lists come back sparse: an invalid item leaves a hole, so every kept item keeps its index
 * and problems still name the right `cards.12`. forEach, map, filter and flatMap skip holes.
 */
export function salvage<T extends z.ZodObject>(schema: T, raw: unknown): Partial<z.infer<T>> {
	const result: Record<string, unknown> = {};
	if (typeof raw !== 'object' || raw === null) {
		return result as Partial<z.infer<T>>;
	}
	for (const [key, field] of Object.entries(schema.shape)) {
		const value = (raw as Record<string, unknown>)[key];
		const inner = field instanceof z.ZodOptional ? field.unwrap() : field;
		if (inner instanceof z.ZodArray && Array.isArray(value)) {
			const kept: unknown[] = new Array(value.length);
			value.forEach((item, i) => {
				const parsed = (inner.element as z.ZodType).safeParse(item);
				if (parsed.success) {
					kept[i] = parsed.data;
				}
			});
			result[key] = kept;
		} else {
			const parsed = (field as z.ZodType).safeParse(value);
			if (parsed.success) {
				result[key] = parsed.data;
			}
		}
	}
	return result as Partial<z.infer<T>>;
}

/** The string ids declared in a raw list, valid items or not: a reference to one is not dangling. */
export function declaredIds(raw: unknown, key: string): Set<string> {
	const list = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : [];
	const ids = (Array.isArray(list) ? list : []).map((item: unknown) =>
		typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined
	);
	return new Set(ids.filter((id): id is string => typeof id === 'string'));
}
