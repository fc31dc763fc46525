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
import { findTable, listDots, listTables, type TableRow } from '../db/queries/tables';
import { requireStaff } from '../auth/guard';
import { packForConference } from './content';
import { ensureDeck } from './deck';
import { noteView } from './notes';
import { picksOf } from './table-dots';
import { cardView, deckCatalogue, tableDeckView } from './table-cards';
import { readOwnTable, type TableActor } from './table-access';
import { singleFlight } from '../single-flight';

/** What every phone at a table sees alike: its deck, notes and dot-vote. */
async function readTable(db: DbOrTx, tableId: string) {
	const table = await findTable(db, tableId);
	if (!table) {
		return undefined;
	}
	const pack = await packForConference(db, table.conferenceId);
	const { state, created } = await ensureDeck(db, table, pack);
	const [notes, dots] = await Promise.all([listNotes(db, table.id), listDots(db, [table.id])]);
	return { table, state, created, dots, deck: tableDeckView(pack, table, state), notes };
}

/**
 * A phone's own table, whole: deck, notes and dot-vote (`created`: the deck was just made). The
 * phones of one table asking at the same moment (a hall's Wi-Fi coming back) share one read.
 */
export function tableSnapshots(db: DbOrTx) {
	const shared = singleFlight((tableId) => readTable(db, tableId));
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
	const [notes, dots] = await Promise.all([countNotesByTable(db, ids), listDots(db, ids)]);
	const summaries: TableSummary[] = [];
	for (const table of tables) {
		const { state } = await ensureDeck(db, table, pack);
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
