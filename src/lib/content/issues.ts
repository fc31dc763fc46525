import type { z } from 'zod';
import type { Problem } from './schema';

/** Parse options that name a missing field "required" instead of "expected string, received undefined". */
export const parseParams = {
	error: (issue: { code?: string; input?: unknown }) =>
		issue.code === 'invalid_type' && issue.input === undefined ? 'required' : undefined
};

export function fieldPath(path: readonly PropertyKey[]): string {
	return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** One problem per zod issue; an unknown key is reported at its own path so typos are easy to find. */
export function issuesToProblems(file: string, error: z.ZodError, prefix: PropertyKey[] = []) {
	const problems: Problem[] = [];
	for (const issue of error.issues) {
		const path = [...prefix, ...issue.path];
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				problems.push({ file, field: fieldPath([...path, key]), message: 'unknown field' });
			}
		} else {
			problems.push({ file, field: fieldPath(path), message: issue.message });
		}
	}
	return problems;
}
