import type { ContentPack } from '$lib/content/schema';
import { deckView, type DeckState } from '$lib/domain/deck';
import type { CardView, DeckCatalogue, TableDeckView } from '$lib/realtime/table';
import type { TableRow } from '../db/queries/tables';

/** The pack's question cards as the screens show them, with their theme's title and colour. */
export function cardViews(pack: ContentPack | undefined): Map<string, CardView> {
	const themes = new Map((pack?.deck.themes ?? []).map((t) => [t.id, t]));
	return new Map(
		(pack?.deck.cards ?? []).map((card) => {
			const theme = themes.get(card.themeId);
			const view: CardView = {
				id: card.id,
				number: card.number,
				text: card.text,
				lead: theme?.lead ?? null,
				themeTitle: theme?.title ?? '',
				colour: theme?.colour ?? '#374151'
			};
			return [card.id, view];
		})
	);
}

// Pack versions never change, so each node keeps the views of the packs it has used.
const cache = new WeakMap<ContentPack, Map<string, CardView>>();

/** One card's view; a card the pack no longer has still shows, by its id. */
export function cardView(pack: ContentPack | undefined, cardId: string): CardView {
	let views = pack ? cache.get(pack) : undefined;
	if (pack && !views) {
		views = cardViews(pack);
		cache.set(pack, views);
	}
	return (
		views?.get(cardId) ?? {
			id: cardId,
			number: 0,
			text: cardId,
			lead: null,
			themeTitle: '',
			colour: '#374151'
		}
	);
}

export function hasCard(pack: ContentPack | undefined, cardId: string): boolean {
	return pack?.deck.cards.some((c) => c.id === cardId) ?? false;
}

/** What every phone at the table sees: the deck without the pile's order, cards resolved. */
export function tableDeckView(
	pack: ContentPack | undefined,
	table: TableRow,
	state: DeckState
): TableDeckView {
	return {
		tableId: table.id,
		tableNumber: table.number,
		deck: deckView(state),
		current: state.current === null ? null : cardView(pack, state.current),
		discussed: state.discussed.map((id) => cardView(pack, id))
	};
}

/** The themes and cards a facilitator can deal. */
export function deckCatalogue(pack: ContentPack | undefined): DeckCatalogue {
	const cards = pack?.deck.cards ?? [];
	return {
		themes: (pack?.deck.themes ?? []).map((t) => ({
			id: t.id,
			title: t.title,
			colour: t.colour,
			cards: cards.filter((c) => c.themeId === t.id).length
		})),
		cards: [...cards]
			.sort((a, b) => a.number - b.number)
			.map((c) => ({ id: c.id, number: c.number, themeId: c.themeId, text: c.text }))
	};
}
