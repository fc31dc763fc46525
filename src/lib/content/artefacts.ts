import type { Problem } from './schema';

// Left behind by PDF text extraction: tabs between words, bullet glyphs, soft hyphens,
// runs of spaces. (Line-end hyphenation cannot be told from a real hyphen, so it is not checked.)
const ARTEFACTS: [RegExp, string][] = [
	[/\t/, 'contains a tab'],
	[/[■•\uf0b7]/, 'contains a bullet glyph'],
	[/\u00ad/, 'contains a soft hyphen'],
	[/\S {2,}\S/, 'contains a run of spaces']
];

/** Reports every string in `value` that still carries a PDF extraction artefact. */
export function findArtefacts(file: string, value: unknown, path: string[] = []): Problem[] {
	if (typeof value === 'string') {
		const hit = ARTEFACTS.find(([pattern]) => pattern.test(value));
		if (!hit) {
			return [];
		}
		const field = path.length === 0 ? '(root)' : path.join('.');
		return [{ file, field, message: `${hit[1]} (a PDF extraction artefact?)` }];
	}
	if (Array.isArray(value)) {
		return value.flatMap((item, i) => findArtefacts(file, item, [...path, String(i)]));
	}
	if (typeof value === 'object' && value !== null) {
		return Object.entries(value).flatMap(([key, item]) =>
			findArtefacts(file, item, [...path, key])
		);
	}
	return [];
}
