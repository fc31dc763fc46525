import type {
	ViewCard,
	ViewDeck,
	ViewDeckTheme,
	ViewFact,
	ViewPack,
	ViewSection
} from './view-pack';

export interface FactGroup {
	/** Undefined for the facts that name no theme. */
	theme?: { id: string; title: string };
	facts: ViewFact[];
}

/**
 * Facts by fact theme, in the order of the themes. A fact with several themes is listed under
 * its first only, so every fact appears once; facts without a theme come last.
 */
export function factsByTheme(pack: Pick<ViewPack, 'factThemes' | 'facts'>): FactGroup[] {
	const groups: FactGroup[] = pack.factThemes.map((theme) => ({
		theme,
		facts: pack.facts.filter((fact) => fact.themeIds?.[0] === theme.id)
	}));
	const known = new Set(pack.factThemes.map((theme) => theme.id));
	const others = pack.facts.filter((fact) => !known.has(fact.themeIds?.[0] ?? ''));
	if (others.length > 0) {
		groups.push({ facts: others });
	}
	return groups.filter((group) => group.facts.length > 0);
}

export interface DeckGroupView {
	id: string;
	title: string;
	themes: { theme: ViewDeckTheme; cards: ViewCard[] }[];
}

/** The deck as its groups → themes → cards (by number); empty themes and groups are left out. */
export function deckByTheme(deck: ViewDeck): DeckGroupView[] {
	return deck.groups
		.map((group) => ({
			...group,
			themes: deck.themes
				.filter((theme) => theme.groupId === group.id)
				.map((theme) => ({
					theme,
					cards: deck.cards
						.filter((card) => card.themeId === theme.id)
						.sort((a, b) => a.number - b.number)
				}))
				.filter((entry) => entry.cards.length > 0)
		}))
		.filter((group) => group.themes.length > 0);
}

/** For each fact id, the table to chart beside it: each table once, with its first fact. */
export function chartsBesideFacts(facts: readonly ViewFact[]): Record<string, string> {
	const charted = new Set<string>();
	const charts: Record<string, string> = {};
	for (const fact of facts) {
		if (fact.tableId && !charted.has(fact.tableId)) {
			charted.add(fact.tableId);
			charts[fact.id] = fact.tableId;
		}
	}
	return charts;
}

export interface SectionRun {
	theme?: { id: string; title: string };
	sections: ViewSection[];
}

/** The booklet's sections in order, in runs of one theme each (for a table of contents). */
export function sectionsByTheme(pack: Pick<ViewPack, 'themes' | 'sections'>): SectionRun[] {
	const runs: SectionRun[] = [];
	for (const section of pack.sections) {
		const last = runs.at(-1);
		if (last && last.sections[0]!.theme === section.theme) {
			last.sections.push(section);
		} else {
			const theme = pack.themes.find((t) => t.id === section.theme);
			runs.push({ theme, sections: [section] });
		}
	}
	return runs;
}
