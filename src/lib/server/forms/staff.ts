import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords';
import { parseForm } from './parse';

/** Sign-in, set-password and invitation forms. */

const email = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const LoginForm = z.object({
	email,
	password: z.string().min(1).max(200)
});

export const PasswordForm = z
	.object({
		password: z.string().min(MIN_PASSWORD_LENGTH).max(200),
		confirm: z.string().max(200)
	})
	.refine((v) => v.password === v.confirm, { path: ['confirm'] });

export const InviteForm = z.object({
	name: z.string().trim().min(1).max(200),
	email,
	isAdmin: z
		.literal('on')
		.optional()
		.transform((v) => v === 'on')
});

export const StaffIdForm = z.object({ staffId: z.uuid() });

const messages: Record<string, () => string> = {
	email: () => m.login_error_email(),
	password: () => m.staff_error_password({ min: MIN_PASSWORD_LENGTH }),
	confirm: () => m.staff_error_confirm(),
	name: () => m.staff_error_name(),
	staffId: () => m.admin_error_staff()
};

/** Validates one of the staff forms above. */
export function parseStaffForm<S extends z.ZodType>(schema: S, form: FormData) {
	return parseForm(schema, form, messages, () => m.admin_error_invalid());
}

/** The sign-in form: a missing password is asked for, not measured. */
export function parseLoginForm(form: FormData) {
	return parseForm(
		LoginForm,
		form,
		{ email: () => m.login_error_email(), password: () => m.login_error_password() },
		() => m.admin_error_invalid()
	);
}
