/** A text cut into parts, the ones matching a search word marked (case-insensitive). */
export function highlight(
	text: string,
	words: readonly string[]
): { text: string; match: boolean }[] {
	const wanted = words.filter((w) => w.length > 0);
	if (wanted.length === 0) {
		return [{ text, match: false }];
	}
	const escaped = wanted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	const pattern = new RegExp(`(${escaped.join('|')})`, 'giu');
	return text
		.split(pattern)
		.filter((part) => part.length > 0)
		.map((part) => ({ text: part, match: wanted.includes(part.toLocaleLowerCase('nb')) }));
}
