import type {
	BookletSection,
	ContentPack,
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

export type ViewSection = Omit<BookletSection, 'notes' | 'sourceRef' | 'file'>;
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

/** The screen-side slice of `pack`. */
export function toViewPack(pack: ContentPack): ViewPack {
	const { meta, deck } = pack;
	return {
		title: meta.title,
		language: meta.language,
		themes: meta.themes.map(({ id, title }) => ({ id, title })),
		sections: pack.sections.map(({ notes: _n, sourceRef: _s, file: _f, ...section }) => section),
		deck: {
			title: deck.title,
			intro: deck.intro,
			groups: deck.groups,
			themes: deck.themes.map(({ sourceRef: _s, ...theme }) => theme),
			cards: deck.cards.map(({ id, number, themeId, text }) => ({ id, number, themeId, text }))
		},
		factThemes: pack.factThemes,
		facts: pack.facts.map(({ note: _n, sourceRef: _s, ...fact }) => fact),
		tables: pack.tables.map(({ note: _n, sourceRef: _s, ...table }) => table),
		questions: pack.questions.map(({ id, number, themeId, text, ballots }) => ({
			id,
			number,
			themeId,
			text,
			ballotIds: ballots.map((b) => b.id)
		}))
	};
}

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
