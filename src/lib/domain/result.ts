/**
 * The error shape shared by the pure domain modules: a machine-readable `code` for the server and
 * tests, and a short Norwegian (bokmål) `message` that can be shown as-is on a phone.
 */
export type DomainError<C extends string> = { ok: false; code: C; message: string };

/** Builds a {@link DomainError}. */
export function fail<C extends string>(code: C, message: string): DomainError<C> {
	return { ok: false, code, message };
}
