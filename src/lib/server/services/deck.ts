import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { ContentPack } from '$lib/content/schema';
import {
	applyDeckAction,
	filterByTheme,
	newDeck,
	type DeckAction,
	type DeckResult,
	type DeckState,
	type Rng
} from '$lib/domain/deck';
import type { DeckCommand, TablesDealInput } from '$lib/realtime/schemas';
import type { TableDeckView } from '$lib/realtime/table';
import { AppError } from '../errors';
import type { Db, DbOrTx } from '../db';
import {
	compareAndSetDeck,
	getDeck,
	insertDeckIfMissing,
	latestDeckTheme,
	listTables,
	type TableRow
} from '../db/queries/tables';
import { packById, packForConference } from './content';
import { hasCard, tableDeckView } from './table-cards';
import { ownTable, type TableActor } from './table-access';

/** randomInt's widest range: max − min must stay below 2^48. */
const RANGE = 2 ** 48 - 1;
/** Uniform in [0, 1) from the operating system's CSPRNG. */
const rng: Rng = () => randomInt(RANGE) / RANGE;

const STALE = 'Noen ved bordet var raskere. Se kortet som ligger nå.';

/**
 * The table's deck, created on first use: shuffled from the pack's cards, of the theme the
 * conference's tables were last dealt (so a table that starts late joins in), else every card.
 */
export async function ensureDeck(
	db: DbOrTx,
	table: TableRow,
	pack: ContentPack | undefined,
	/** The deck already read with the table, if any: then it is not read again. */
	stored?: DeckState | null
): Promise<{ state: DeckState; created: boolean }> {
	const existing = stored ?? (await getDeck(db, table.id));
	if (existing) {
		return { state: existing, created: false };
	}
	const cards = pack?.deck.cards ?? [];
	const latest = await latestDeckTheme(db, table.conferenceId);
	const themeId = latest && cards.some((c) => c.themeId === latest) ? latest : null;
	const ids = filterByTheme(cards, themeId).map((c) => c.id);
	await insertDeckIfMissing(db, table.id, newDeck(ids, rng, themeId));
	// Another phone of the table may have stored its deck first: read what won.
	return { state: (await getDeck(db, table.id))!, created: true };
}

function refused(result: Extract<DeckResult, { ok: false }>): AppError {
	return new AppError(
		result.code === 'stale_version' ? 'stale_version' : 'conflict',
		result.message
	);
}

/**
 * A phone's draw, skip or discuss: one compare-and-set against the version the phone saw, so of
 * two simultaneous clicks exactly one applies and the other is refused as stale. Two statements
 * (the table with its deck, then the compare-and-set) and no transaction: the compare-and-set is
 * atomic on its own, and a transaction would hold a pooled connection across both round trips,
 * which under load the other requests queue for.
 */
export async function actOnDeck(
	db: Db,
	actor: TableActor | null | undefined,
	input: z.infer<typeof DeckCommand>
): Promise<{ table: TableRow; pack: ContentPack | undefined; view: TableDeckView }> {
	const { table, packId, deck } = await ownTable(db, actor, input.tableId, 'deck:act');
	const pack = await packById(db, packId);
	const { state } = await ensureDeck(db, table, pack, deck);
	const result = applyDeckAction(state, { type: input.action }, input.expectedVersion);
	if (!result.ok) {
		throw refused(result);
	}
	if (!(await compareAndSetDeck(db, table.id, input.expectedVersion, result.state))) {
		throw new AppError('stale_version', STALE);
	}
	return { table, pack, view: tableDeckView(pack, table, result.state) };
}

type Deal = z.infer<typeof TablesDealInput>['deal'];

function dealAction(pack: ContentPack | undefined, deal: Deal): DeckAction {
	const cards = pack?.deck.cards ?? [];
	if (deal.type === 'card') {
		if (!hasCard(pack, deal.cardId)) {
			throw new AppError('bad_request', 'Kortet finnes ikke i konferansens kortstokk.');
		}
		return { type: 'deal', cardId: deal.cardId };
	}
	const themeId = deal.themeId;
	if (themeId !== null && !pack?.deck.themes.some((t) => t.id === themeId)) {
		throw new AppError('bad_request', 'Temaet finnes ikke i konferansens kortstokk.');
	}
	const cardIds = filterByTheme(cards, themeId).map((c) => c.id);
	return { type: 'reshuffle', cardIds, rng, themeId };
}

/**
 * The facilitator deals a theme (a fresh pile for every table) or one card (on every table at
 * once). Phones may act at the same moment: each table's change is a compare-and-set, retried on
 * the newer state, since the facilitator's deal does not depend on what the table saw.
 */
export async function dealToAllTables(
	db: Db,
	conferenceId: string,
	deal: Deal
): Promise<{ table: TableRow; view: TableDeckView }[]> {
	const pack = await packForConference(db, conferenceId);
	const action = dealAction(pack, deal);
	return db.transaction(async (tx) => {
		const changed: { table: TableRow; view: TableDeckView }[] = [];
		for (const table of await listTables(tx, conferenceId)) {
			const state = await dealToTable(tx, table, pack, action);
			if (state) {
				changed.push({ table, view: tableDeckView(pack, table, state) });
			}
		}
		return changed;
	});
}

async function dealToTable(
	tx: DbOrTx,
	table: TableRow,
	pack: ContentPack | undefined,
	action: DeckAction
): Promise<DeckState | null> {
	for (let attempt = 0; attempt < 5; attempt++) {
		const { state } = await ensureDeck(tx, table, pack);
		const result = applyDeckAction(state, action, state.version);
		if (!result.ok) {
			if (result.code === 'already_current') {
				return null;
			}
			throw refused(result);
		}
		if (await compareAndSetDeck(tx, table.id, state.version, result.state)) {
			return result.state;
		}
	}
	throw new AppError('stale_version', 'Bordene endret seg samtidig. Prøv igjen.');
}
