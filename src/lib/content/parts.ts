import type {
	BookletSection,
	Deck,
	Fact,
	FactTheme,
	FigureTable,
	PackMeta,
	Question
} from './schema';

export type IdList =
	| 'packThemes'
	| 'sources'
	| 'deckGroups'
	| 'deckThemes'
	| 'factThemes'
	| 'facts'
	| 'tables'
	| 'questions';

/** What parsed: whole files, or the valid items of files that did not. */
export interface Parts {
	files: { meta: string; deck: string; facts: string; tables: string; questions: string };
	meta: Pick<PackMeta, 'themes' | 'sources'>;
	deck: Pick<Deck, 'groups' | 'themes' | 'cards'> & { sourceRef?: string };
	factThemes: FactTheme[];
	facts: Fact[];
	tables: FigureTable[];
	questions: Question[];
	questionsRaw: unknown;
	sections: BookletSection[];
	/**
	 * The ids each list declares, valid items or not, for deciding whether a reference dangles;
	 * undefined when the file could not be read at all (then references to it are not checked).
	 */
	declared: Partial<Record<IdList, Set<string>>>;
}

export type Report = (file: string, field: string, message: string) => void;

/** True when `id` is not in `list`; false when the list could not be read. */
export function dangling(parts: Parts, list: IdList, id: string) {
	const ids = parts.declared[list];
	return ids !== undefined && !ids.has(id);
}

/** Reports every repeat of a key after its first use, at the repeat's field. */
export function unique<T>(
	report: (field: string, message: string) => void,
	items: T[],
	key: (item: T) => string | number,
	at: (i: number) => string
) {
	const first = new Map<string | number, number>();
	items.forEach((item, i) => {
		const value = key(item);
		const earlier = first.get(value);
		if (earlier === undefined) {
			first.set(value, i);
		} else {
			report(at(i), `duplicate "${value}" (first at ${at(earlier)})`);
		}
	});
}
