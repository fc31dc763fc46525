import { fail } from '@sveltejs/kit';
import { AppError } from '../errors';
import type { FieldErrors } from './parse';

/**
 * What a form action answers. Pages with several forms tell them apart by `action` (and
 * `target`, the row the form was about), so each form shows only its own errors.
 */
export interface FormResult {
	action: string;
	target?: string;
	errors?: FieldErrors;
	values?: Record<string, string>;
	message?: string;
	success?: boolean;
}

/** 400 with a message per bad field; nothing was changed. */
export function invalid(
	action: string,
	parsed: { errors: FieldErrors; values: Record<string, string> },
	target?: string
) {
	return fail(400, { action, target, errors: parsed.errors, values: parsed.values });
}

/** An AppError from a use case becomes the form's message, with its status; anything else is thrown on. */
export function failWith(e: unknown, action: string, target?: string) {
	if (e instanceof AppError) {
		return fail(e.status, { action, target, message: e.message });
	}
	throw e;
}

/** The action succeeded: a short confirmation for a status line. */
export function done(action: string, message: string, target?: string) {
	return { action, target, success: true, message };
}
