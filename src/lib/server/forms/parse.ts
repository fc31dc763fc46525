import type { z } from 'zod';

/** Field name → a message for the user, in their language. */
export type FieldErrors = Record<string, string>;

export type Parsed<T> =
	{ ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Validates a posted form. Every field that fails gets its own message from `messages` (so the
 * user reads UI text, not zod's), or `fallback`. `values` echoes what was typed, minus secrets,
 * so the form can be shown again as it was.
 */
export function parseForm<S extends z.ZodType>(
	schema: S,
	form: FormData,
	messages: Record<string, () => string>,
	fallback: () => string
): Parsed<z.output<S>> {
	const raw: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value === 'string' && !(key in raw)) {
			raw[key] = value;
		}
	}
	const result = schema.safeParse(raw);
	if (result.success) {
		return { ok: true, data: result.data };
	}
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= (messages[field] ?? fallback)();
	}
	return { ok: false, errors, values: withoutSecrets(raw) };
}

function withoutSecrets(raw: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(raw).filter(([key]) => !/password|confirm/i.test(key)));
}
