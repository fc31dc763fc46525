import type { ContentPack } from '$lib/content/schema';
import { dotsOf, tallyDots, topPicks } from '$lib/domain/table-picks';
import type {
	PinnedNotesView,
	TableSnapshot,
	TableSummary,
	TablesOverview
} from '$lib/realtime/table';
import { AppError } from '../errors';
import type { DbOrTx } from '../db';
import { getAgenda } from '../db/queries/conferences';
import type { StaffIdentity } from '../db/queries/staff';
import { countNotesByTable, listNotes } from '../db/queries/table-notes';
import {
	findTable,
	findTablesWhole,
	getDecks,
	listDots,
	listTables,
	type TableRow,
	type TableWhole
} from '../db/queries/tables';
import { requireStaff } from '../auth/guard';
import { packById, packForConference } from './content';
import { ensureDeck } from './deck';
import { noteView } from './notes';
import { picksOf } from './table-dots';
import { cardView, deckCatalogue, tableDeckView } from './table-cards';
import { readOwnTable, type TableActor } from './table-access';
import { batchedLookup } from '../batched-lookup';

/** The content pack of each of these tables' conferences, by conference id. */
async function packsOf(db: DbOrTx, tables: TableWhole[]) {
	const packIds = new Map(tables.map((t) => [t.table.conferenceId, t.packId]));
	const packs = await Promise.all(
		[...packIds].map(async ([conferenceId, packId]) => {
			const pack = await packById(db, packId);
			return [conferenceId, pack] as const;
		})
	);
	return new Map(packs);
}

/** Each table's deck, by table id: stored ones read at once, missing ones made (`created`). */
async function decksOf(
	db: DbOrTx,
	tables: TableRow[],
	packs: Map<string, ContentPack | undefined>
) {
	const stored = await getDecks(
		db,
		tables.map((t) => t.id)
	);
	const decks = await Promise.all(
		tables.map(async (table) => {
			const deck = await ensureDeck(db, table, packs.get(table.conferenceId), stored.get(table.id));
			return [table.id, deck] as const;
		})
	);
	return new Map(decks);
}

/**
 * What every phone at a table sees alike (its deck, notes and dot-vote), for many tables in a
 * handful of queries, whatever their number.
 */
async function readTables(db: DbOrTx, tableIds: string[]) {
	const found = await findTablesWhole(db, tableIds);
	const packs = await packsOf(db, found);
	const tables = await Promise.all(
		found.map(async ({ table, deck: stored, notes, dots }) => {
			const pack = packs.get(table.conferenceId);
			const { state, created } = await ensureDeck(db, table, pack, stored);
			const deck = tableDeckView(pack, table, state);
			return [table.id, { table, state, created, dots, deck, notes }] as const;
		})
	);
	return new Map(tables);
}

/**
 * A phone's own table, whole: deck, notes and dot-vote (`created`: the deck was just made). The
 * phones asking at the same moment (a hall's Wi-Fi coming back) are read together, each table
 * once, in a read that begins after they asked.
 */
export function tableSnapshots(db: DbOrTx) {
	const shared = batchedLookup((tableIds) => readTables(db, tableIds));
	return async (
		actor: TableActor | null | undefined
	): Promise<{ table: TableRow; snapshot: TableSnapshot; created: boolean }> => {
		const { table, state, created, dots, deck, notes } = await readOwnTable(actor, shared);
		const snapshot: TableSnapshot = {
			table: deck,
			notes: notes.map(noteView),
			picks: picksOf(table.id, dots, state.discussed),
			myDots: dotsOf(dots, actor!.id, state.discussed)
		};
		return { table, snapshot, created };
	};
}

export type TableSnapshots = ReturnType<typeof tableSnapshots>;

/** The facilitator's view of some tables of one conference (every table if none given). */
export async function tableSummaries(
	db: DbOrTx,
	conferenceId: string,
	only?: TableRow[],
	knownPack?: ContentPack
): Promise<TableSummary[]> {
	const tables = only ?? (await listTables(db, conferenceId));
	const pack = knownPack ?? (await packForConference(db, conferenceId));
	const ids = tables.map((t) => t.id);
	const packs = new Map([[conferenceId, pack]]);
	const [decks, notes, dots] = await Promise.all([
		decksOf(db, tables, packs),
		countNotesByTable(db, ids),
		listDots(db, ids)
	]);
	const summaries: TableSummary[] = [];
	for (const table of tables) {
		const { state } = decks.get(table.id)!;
		const tally = tallyDots(
			dots.filter((d) => d.tableId === table.id),
			state.discussed
		);
		summaries.push({
			tableId: table.id,
			number: table.number,
			themeId: state.themeId,
			current:
				state.current === null
					? null
					: { id: state.current, number: cardView(pack, state.current).number },
			discussed: state.discussed.length,
			remaining: state.pile.length,
			notes: notes.get(table.id) ?? 0,
			picks: topPicks(tally).map((p) => ({ ...p, number: cardView(pack, p.cardId).number }))
		});
	}
	return summaries;
}

export async function tablesOverview(db: DbOrTx, conferenceId: string): Promise<TablesOverview> {
	const pack = await packForConference(db, conferenceId);
	return {
		tables: await tableSummaries(db, conferenceId, undefined, pack),
		catalogue: deckCatalogue(pack)
	};
}

/** A table's notes grouped by card, in the order the cards got their first point. */
export async function pinnedNotesView(db: DbOrTx, table: TableRow): Promise<PinnedNotesView> {
	const pack = await packForConference(db, table.conferenceId);
	const groups = new Map<string | null, PinnedNotesView['groups'][number]>();
	for (const note of await listNotes(db, table.id)) {
		let group = groups.get(note.cardId);
		if (!group) {
			group = { card: note.cardId === null ? null : cardView(pack, note.cardId), notes: [] };
			groups.set(note.cardId, group);
		}
		group.notes.push({ id: note.id, text: note.text });
	}
	return {
		conferenceId: table.conferenceId,
		tableId: table.id,
		tableNumber: table.number,
		groups: [...groups.values()]
	};
}

/** Whether the table's notes are what the big screen shows now. */
export async function isPinned(db: DbOrTx, table: TableRow): Promise<boolean> {
	const item = (await getAgenda(db, table.conferenceId))?.item;
	return item?.type === 'table-notes' && item.tableId === table.id;
}

/**
 * The notes pinned to the big screen: staff of the conference may read any table's; a phone
 * reads its own table's, and another table's only while the facilitator shows it to the room.
 */
export async function readPinnedNotes(
	db: DbOrTx,
	who: { staff: StaffIdentity | null; participant: TableActor | null | undefined },
	tableId: string
): Promise<PinnedNotesView> {
	const table = await findTable(db, tableId);
	if (!table) {
		throw new AppError('not_found', 'Bordet finnes ikke.');
	}
	const participant = who.participant;
	const allowed =
		participant?.conferenceId === table.conferenceId &&
		(participant.tableId === table.id || (await isPinned(db, table)));
	if (!allowed && !who.staff) {
		throw new AppError('forbidden', 'Du har ikke tilgang til dette bordets innspill.');
	}
	if (!allowed) {
		await requireStaff(db, who.staff, 'presenter:view', table.conferenceId);
	}
	return pinnedNotesView(db, table);
}
