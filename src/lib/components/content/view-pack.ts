import type {
	BookletSection,
	Deck,
	DeckCard,
	DeckTheme,
	Fact,
	FactTheme,
	FigureTable,
	PackTheme,
	Question
} from '$lib/content/schema';

/**
 * The part of a content pack that screens show: no editors' notes, no source line references,
 * no ballots (votes have their own screens). Small enough to send with a page, so a phone can
 * show whatever the facilitator picks next without asking the server again.
 */
export interface ViewPack {
	title: string;
	/** The pack's language, for `lang` on content shown in a UI of another language. */
	language: string;
	themes: Pick<PackTheme, 'id' | 'title'>[];
	sections: ViewSection[];
	deck: ViewDeck;
	factThemes: FactTheme[];
	facts: ViewFact[];
	tables: ViewTable[];
	questions: ViewQuestion[];
}

export type ViewSection = Omit<BookletSection, 'notes' | 'sourceRef' | 'file' | 'body'> & {
	/**
	 * The body's Markdown as HTML, rendered on the server (so phones need no Markdown parser),
	 * its headings from h2 down: `Markdown.svelte` moves them below the heading it sits under.
	 */
	bodyHtml: string;
};
export type ViewDeckTheme = Omit<DeckTheme, 'sourceRef'>;
export type ViewCard = Pick<DeckCard, 'id' | 'number' | 'themeId' | 'text'>;
export interface ViewDeck extends Pick<Deck, 'title' | 'intro' | 'groups'> {
	themes: ViewDeckTheme[];
	cards: ViewCard[];
}
export type ViewFact = Omit<Fact, 'note' | 'sourceRef'>;
export type ViewTable = Omit<FigureTable, 'note' | 'sourceRef'>;
export type ViewQuestion = Pick<Question, 'id' | 'number' | 'themeId' | 'text'> & {
	/** Its ballots' ids, in the question's order: the order its polls are shown in. */
	ballotIds: string[];
};

/** Finds a pack item by id; `undefined` when the pack has no such item. */
export function byId<T extends { id: string }>(items: readonly T[], id: string): T | undefined {
	return items.find((item) => item.id === id);
}

/** The items of `items` whose ids are listed, in the order listed; unknown ids are skipped. */
export function pickByIds<T extends { id: string }>(
	items: readonly T[],
	ids: readonly string[] = []
) {
	return ids.map((id) => byId(items, id)).filter((item): item is T => item !== undefined);
}
