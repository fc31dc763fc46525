/**
 * Join codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B),
 * typed case-insensitively on a phone.
 */
export const JOIN_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const JOIN_CODE_LENGTH = 6;
export const JOIN_CODE_PATTERN = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);

/** A new random code; `randomInt(n)` returns an integer in [0, n). */
export function generateJoinCode(randomInt: (n: number) => number): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
		code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
	}
	return code;
}

/** Upper-cases and drops spaces and dashes; returns null when the result cannot be a code. */
export function normaliseJoinCode(input: string): string | null {
	const code = input.replace(/[\s-]/g, '').toUpperCase();
	return JOIN_CODE_PATTERN.test(code) ? code : null;
}
