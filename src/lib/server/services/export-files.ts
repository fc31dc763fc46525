import ExcelJS from 'exceljs';
import { m } from '$lib/paraglide/messages';
import { toCsv, type CsvValue } from '$lib/domain/csv';
import { wallClock, wallClockDate } from '$lib/domain/wall-clock';
import { cellWords, columnTitles, EXPORT_COLUMNS, type ExportRow } from './export';

type Cell = string | number | Date | null;

/** One row's cells in column order; times as Oslo wall-clock dates. */
function cells(row: ExportRow, words: ReturnType<typeof cellWords>): Cell[] {
	return EXPORT_COLUMNS.map((column) => {
		switch (column) {
			case 'type':
				return words.type[row.type];
			case 'moderation':
				return row.moderation ? words.moderation[row.moderation] : null;
			case 'createdAt':
			case 'updatedAt':
				return wallClockDate(row[column]);
			default:
				return row[column];
		}
	});
}

/** The rows as CSV for Excel: UTF-8 with BOM, semicolons, defused against formulas. */
export function votesCsv(rows: readonly ExportRow[]): string {
	const titles = columnTitles();
	const words = cellWords();
	const body = rows.map((row) =>
		cells(row, words).map((cell): CsvValue =>
			// The wall-clock date back to the text a person reads: "2022-02-03 10:15:02".
			cell instanceof Date ? wallClock(cell, 'UTC') : cell
		)
	);
	return toCsv(
		EXPORT_COLUMNS.map((c) => titles[c]),
		body
	);
}

const WIDTHS: Partial<Record<(typeof EXPORT_COLUMNS)[number], number>> = {
	conference: 32,
	county: 18,
	municipality: 18,
	theme: 24,
	ballot: 28,
	answer: 60,
	answerCode: 24,
	createdAt: 20,
	updatedAt: 20
};

/** The rows as an Excel workbook: a sheet of answers (typed cells, filters) and one about it. */
export async function votesXlsx(
	rows: readonly ExportRow[],
	about: { round: string; generatedAt: Date }
): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Drøft';
	workbook.created = about.generatedAt;
	const sheet = workbook.addWorksheet(m.export_sheet_answers(), {
		views: [{ state: 'frozen', ySplit: 1 }]
	});
	const titles = columnTitles();
	sheet.columns = EXPORT_COLUMNS.map((key) => ({
		header: titles[key],
		key,
		width: WIDTHS[key] ?? 14,
		style: key === 'createdAt' || key === 'updatedAt' ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : {}
	}));
	sheet.getRow(1).font = { bold: true };
	const words = cellWords();
	rows.forEach((row) => sheet.addRow(cells(row, words)));
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };

	const info = workbook.addWorksheet(m.export_sheet_about());
	info.columns = [{ width: 28 }, { width: 80 }];
	info.addRows([
		[m.export_about_round(), about.round],
		[m.export_about_generated(), wallClock(about.generatedAt)],
		[m.export_about_rows(), rows.length],
		[m.export_about_anonymous(), m.export_about_anonymous_text()],
		[m.export_about_times(), m.export_about_times_text()]
	]);
	info.getColumn(1).font = { bold: true };
	return Buffer.from(await workbook.xlsx.writeBuffer());
}
