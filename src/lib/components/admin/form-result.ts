/** The shape every admin form action answers with (see $lib/server/forms/results.ts). */
export interface FormResult {
	action: string;
	target?: string;
	errors?: Record<string, string>;
	values?: Record<string, string>;
	message?: string;
	success?: boolean;
}

/** The field errors and typed values of `form`, if it answers `action` (on `target`). */
export function resultFor(
	form: FormResult | null | undefined,
	action: string,
	target?: string
): { errors: Record<string, string>; values: Record<string, string> | undefined } {
	const mine = form && form.action === action && (target === undefined || form.target === target);
	return {
		errors: (mine && form.errors) || {},
		values: mine ? form.values : undefined
	};
}
