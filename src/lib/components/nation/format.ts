import { getLocale } from '$lib/paraglide/runtime';

const TAGS: Record<string, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

const tag = () => TAGS[getLocale()] ?? 'nb-NO';

/** 0.625 → "63 %" (in the reader's language). */
export function percent(share: number): string {
	return new Intl.NumberFormat(tag(), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** 3.4167 → "3,4". */
export function decimal(value: number, digits = 1): string {
	return new Intl.NumberFormat(tag(), {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits
	}).format(value);
}

/** A count: whole numbers as they are; a weighted (fractional) one with one decimal. */
export function count(value: number): string {
	return Number.isInteger(value)
		? new Intl.NumberFormat(tag()).format(value)
		: new Intl.NumberFormat(tag(), { maximumFractionDigits: 1 }).format(value);
}

/** "10:15:02". */
export function clock(at: number): string {
	return new Intl.DateTimeFormat(tag(), {
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		timeZone: 'Europe/Oslo'
	}).format(new Date(at));
}

/** "3. februar 2022 kl. 10:15". */
export function dateTime(at: number | Date): string {
	return new Intl.DateTimeFormat(tag(), {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone: 'Europe/Oslo'
	}).format(at);
}

/** Option letters for compact column headings: A, B, … Z, AA, AB … */
export function letter(index: number): string {
	let n = index;
	let out = '';
	do {
		out = String.fromCharCode(65 + (n % 26)) + out;
		n = Math.floor(n / 26) - 1;
	} while (n >= 0);
	return out;
}
