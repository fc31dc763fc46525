/**
 * CSV that Excel opens as it should, in Norwegian locales too: UTF-8 with a byte-order mark,
 * semicolons between fields (Norwegian Excel's list separator, since the comma is the decimal
 * mark), CRLF between records, and fields quoted as RFC 4180 says.
 */

export const CSV_DELIMITER = ';';
export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula (OWASP: CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text made safe against formula injection: one that starts with = + - @ (or a tab or carriage
 * return) gets a leading apostrophe, so a spreadsheet shows it as text and never runs it.
 */
export function defuse(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One field: text is defused and quoted when it holds the delimiter, a quote or a line break;
 * numbers are written as they are (they come from us, never from a participant); nothing is empty.
 */
export function csvField(value: CsvValue): string {
	if (value === null || value === undefined) {
		return '';
	}
	if (typeof value === 'number') {
		return Number.isFinite(value) ? String(value) : '';
	}
	const text = defuse(value);
	return /[";\r\n,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the byte-order mark, a header record, then one record per row. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
	const records = [header, ...rows].map((row) => row.map(csvField).join(CSV_DELIMITER));
	return CSV_BOM + records.join('\r\n') + '\r\n';
}
