// 'sv-SE' writes dates as ISO does: 2022-02-03 10:15:02.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The time as a clock in `timeZone` shows it: "2022-02-03 10:15:02" (24 h, ISO order). */
export function wallClock(date: Date, timeZone = 'Europe/Oslo'): string {
	let format = formatters.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('sv-SE', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23'
		});
		formatters.set(timeZone, format);
	}
	return format.format(date);
}

/**
 * A Date whose UTC fields read as the wall clock in `timeZone`: spreadsheets store times without
 * a zone, so this is how a cell shows the local time the vote was cast.
 */
export function wallClockDate(date: Date, timeZone = 'Europe/Oslo'): Date {
	return new Date(`${wallClock(date, timeZone).replace(' ', 'T')}Z`);
}
