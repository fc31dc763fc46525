import type { DeckView } from '$lib/domain/deck';

/** The view types of the table events (a table's deck, notes and dot-vote), shared by both ends. */

/** A question card as the screens show it, resolved from the conference's content pack. */
export interface CardView {
	id: string;
	number: number;
	text: string;
	/** The theme's lead-in, e.g. "Med utgangspunkt i innbyggernes behov:". */
	lead: string | null;
	themeTitle: string;
	/** The theme's card colour; white text on it reaches 4.5:1. */
	colour: string;
}

/** The card deck of one table as every phone at that table sees it. */
export interface TableDeckView {
	tableId: string;
	tableNumber: number;
	deck: DeckView;
	current: CardView | null;
	/** The discussed cards, in the order they were discussed. */
	discussed: CardView[];
}

/** One point of the table's notes; `updatedAt` (ISO) is what an edit compares against. */
export interface TableNoteView {
	id: string;
	cardId: string | null;
	text: string;
	updatedAt: string;
}

/** The table's dot-vote: dots per discussed card, most first. */
export interface TablePicks {
	tableId: string;
	dots: { cardId: string; count: number }[];
}

/** Everything a phone needs to draw its table, sent on every (re)connect. */
export interface TableSnapshot {
	table: TableDeckView;
	notes: TableNoteView[];
	picks: TablePicks;
	/** The cards this phone's participant has put a dot on. */
	myDots: string[];
}

/** A table as the facilitator's overview shows it. */
export interface TableSummary {
	tableId: string;
	number: number;
	themeId: string | null;
	current: { id: string; number: number } | null;
	discussed: number;
	remaining: number;
	notes: number;
	/** The card(s) with the most dots. */
	picks: { cardId: string; number: number; count: number }[];
}

/** The deck's themes and cards, for the facilitator's "deal to all tables". */
export interface DeckCatalogue {
	themes: { id: string; title: string; colour: string; cards: number }[];
	cards: { id: string; number: number; themeId: string; text: string }[];
}

export interface TablesOverview {
	tables: TableSummary[];
	catalogue: DeckCatalogue;
}

/** A table's notes pinned to the big screen, grouped by card (card null: not tied to a card). */
export interface PinnedNotesView {
	conferenceId: string;
	tableId: string;
	tableNumber: number;
	groups: { card: CardView | null; notes: { id: string; text: string }[] }[];
}
