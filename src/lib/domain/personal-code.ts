import { JOIN_CODE_ALPHABET } from './join-code';

/**
 * One-time personal codes for a conference in verified mode: printed on slips, one per
 * participant. Longer than a join code (8 characters) so they cannot be guessed, from the same
 * look-alike-free alphabet so they can be typed from paper.
 */
export const PERSONAL_CODE_LENGTH = 8;
export const PERSONAL_CODE_PATTERN = new RegExp(
	`^[${JOIN_CODE_ALPHABET}]{${PERSONAL_CODE_LENGTH}}$`
);

/** A new random personal code; `randomInt(n)` returns an integer in [0, n). */
export function generatePersonalCode(randomInt: (n: number) => number): string {
	let code = '';
	for (let i = 0; i < PERSONAL_CODE_LENGTH; i++) {
		code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
	}
	return code;
}

/** `count` distinct new codes, none of them in `taken`. */
export function generatePersonalCodes(
	count: number,
	randomInt: (n: number) => number,
	taken: ReadonlySet<string> = new Set()
): string[] {
	const codes = new Set<string>();
	while (codes.size < count) {
		const code = generatePersonalCode(randomInt);
		if (!taken.has(code)) {
			codes.add(code);
		}
	}
	return [...codes];
}
