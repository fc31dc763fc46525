import { describe, expect, it } from 'vitest';
import { deckView } from '$lib/domain/deck';
import type { TableDeckView, TableNoteView, TableSnapshot } from '$lib/realtime/table';
import type { AppClientSocket } from './socket';
import { TableState } from './table-state.svelte';
import type { TableGreetingSlot } from './table-greeting';

const TABLE = 'table-1';

const deck = (version: number): TableDeckView => ({
	tableId: TABLE,
	tableNumber: 7,
	deck: deckView({ version, pile: [], current: null, discussed: [], skipped: 0, themeId: null }),
	current: null,
	discussed: []
});

const note = (id: string, text: string, updatedAt = '2026-12-04T10:00:00.000Z'): TableNoteView => ({
	id,
	cardId: null,
	text,
	updatedAt
});

/**
 * A connected socket whose `table:hello` answer the test releases by hand, and whose table
 * events the test plays as if the server sent them.
 */
function fakeSocket(connected = true) {
	const listeners = new Map<string, ((payload: unknown) => void)[]>();
	let answerHello: (snapshot: TableSnapshot) => void = () => {};
	let hellos = 0;
	const socket = {
		connected,
		on(event: string, listener: (payload: unknown) => void) {
			listeners.set(event, [...(listeners.get(event) ?? []), listener]);
		},
		off() {},
		timeout: () => ({
			emitWithAck: (event: string, input: { noteId?: string; text?: string }) => {
				if (event === 'table:hello') {
					hellos++;
					return new Promise((resolve) => {
						answerHello = (data) => resolve({ ok: true, data });
					});
				}
				if (event === 'table:note-add') {
					return Promise.resolve({ ok: true, data: note(input.noteId!, input.text!) });
				}
				return Promise.resolve({ ok: false, error: { code: 'bad_request', message: event } });
			}
		})
	};
	return {
		socket: socket as unknown as AppClientSocket,
		hear: (event: string, payload: unknown) =>
			(listeners.get(event) ?? []).forEach((listener) => listener(payload)),
		answer: (snapshot: TableSnapshot) => answerHello(snapshot),
		hellos: () => hellos
	};
}

const snapshot = (notes: TableNoteView[], version = 3): TableSnapshot => ({
	table: deck(version),
	notes,
	picks: { tableId: TABLE, dots: [] },
	myDots: []
});

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A table state listening on a fake socket, its first hello sent and waiting for `reply`. */
function attachedTable() {
	const { socket, hear, answer } = fakeSocket();
	const table = new TableState(socket);
	table.attach();
	const reply = async (snapshot: TableSnapshot) => {
		answer(snapshot);
		await settle();
	};
	const hearNote = (changed: TableNoteView) =>
		hear('table:note-changed', { tableId: TABLE, note: changed });
	return { table, hear, hearNote, reply };
}

describe('TableState.hello', () => {
	it('shows the table from the snapshot', async () => {
		const { table, reply } = attachedTable();
		await reply(snapshot([note('n1', 'Bredere rekruttering')]));
		expect(table.view?.deck.version).toBe(3);
		expect(table.notes.map((n) => n.text)).toEqual(['Bredere rekruttering']);
	});

	it('keeps a point added by another phone while the snapshot was on its way', async () => {
		const { table, hearNote, reply } = attachedTable();
		// The snapshot was read before the other phone's point was stored; its event came first.
		hearNote(note('n2', 'Heltid som hovedregel'));
		await reply(snapshot([note('n1', 'Bredere rekruttering')]));
		expect(table.notes.map((n) => n.text).sort()).toEqual([
			'Bredere rekruttering',
			'Heltid som hovedregel'
		]);
	});

	it('keeps a removal and an edit heard while the snapshot was on its way', async () => {
		const { table, hear, hearNote, reply } = attachedTable();
		hear('table:note-removed', { tableId: TABLE, noteId: 'n1' });
		const edited = note('n2', 'Heltid, ikke deltid', '2026-12-04T10:05:00.000Z');
		hearNote(edited);
		hear('table:picks-changed', { tableId: TABLE, dots: [{ cardId: 'c1', count: 2 }] });
		await reply(snapshot([note('n1', 'Fjernet'), note('n2', 'Heltid')]));
		expect(table.notes).toEqual([edited]);
		expect(table.picks?.dots).toEqual([{ cardId: 'c1', count: 2 }]);
	});

	it('keeps its own point stored while a snapshot read before it was on its way', async () => {
		const { table, reply } = attachedTable();
		await reply(snapshot([]));
		void table.hello(); // a reconnect
		expect(await table.addNote('mine', null, 'Mitt punkt')).toBe('');
		await reply(snapshot([]));
		expect(table.notes.map((n) => n.text)).toEqual(['Mitt punkt']);
	});

	it('lets a newer snapshot win over an older event', async () => {
		const { table, hearNote, reply } = attachedTable();
		hearNote(note('n2', 'Gammel tekst'));
		const newer = note('n2', 'Ny tekst', '2026-12-04T10:09:00.000Z');
		await reply(snapshot([newer]));
		expect(table.notes).toEqual([newer]);
	});

	it('forgets what it heard once the snapshot is in: the next snapshot is the truth', async () => {
		const { table, hearNote, reply } = attachedTable();
		hearNote(note('n2', 'Heltid'));
		await reply(snapshot([note('n2', 'Heltid')]));
		// Reconnect: the point was removed meanwhile, and the new snapshot says so.
		void table.hello();
		await reply(snapshot([], 4));
		expect(table.notes).toEqual([]);
	});
});

describe("TableState on the phone page: the page's hello brings the table", () => {
	/** A deck screen mounted before its socket connected, registered in the page's slot. */
	function greetedTable() {
		const fake = fakeSocket(false);
		const slot: TableGreetingSlot = { current: null };
		const table = new TableState(fake.socket);
		const detach = table.attach(slot);
		return { ...fake, slot, table, detach };
	}

	it('sends no table:hello of its own on a (re)connect, and offers itself to the page', () => {
		const { table, slot, hear, hellos } = greetedTable();
		hear('connect', undefined);
		expect(hellos()).toBe(0);
		expect(slot.current).toBe(table);
	});

	it("takes the table from the page's hello, keeping what it heard meanwhile", () => {
		const { table, slot, hear } = greetedTable();
		const take = slot.current!.beginSnapshot();
		hear('table:note-changed', { tableId: TABLE, note: note('n2', 'Heltid som hovedregel') });
		take({ ok: true, data: snapshot([note('n1', 'Bredere rekruttering')]) });
		expect(table.view?.deck.version).toBe(3);
		expect(table.notes.map((n) => n.text).sort()).toEqual([
			'Bredere rekruttering',
			'Heltid som hovedregel'
		]);
	});

	it('keeps the table it shows when a hello brings none (the answer was lost)', () => {
		const { table, slot } = greetedTable();
		slot.current!.beginSnapshot()({ ok: true, data: snapshot([note('n1', 'Punkt')]) });
		slot.current!.beginSnapshot()({ ok: true, data: null });
		expect(table.notes.map((n) => n.text)).toEqual(['Punkt']);
		expect(table.problem).toBe('');
	});

	it('says hello itself when it appears on a connected page, and leaves the slot when it goes', () => {
		const fake = fakeSocket(true);
		const slot: TableGreetingSlot = { current: null };
		const detach = new TableState(fake.socket).attach(slot);
		expect(fake.hellos()).toBe(1);
		detach();
		expect(slot.current).toBeNull();
	});
});
