import { m } from '$lib/paraglide/messages';
import type { Ack, AckResult, ClientToServerEvents } from '$lib/realtime/events';
import type { TableDeckView, TableNoteView, TablePicks, TableSnapshot } from '$lib/realtime/table';
import { Meanwhile } from './meanwhile';
import type { TableGreeting, TableGreetingSlot } from './table-greeting';
import type { AppClientSocket } from './socket';

type DeckMove = 'draw' | 'skip' | 'discuss';
type Event = keyof ClientToServerEvents;
type Input<E extends Event> = Parameters<ClientToServerEvents[E]>[0];
type Answer<E extends Event> =
	Parameters<ClientToServerEvents[E]>[1] extends Ack<infer T> ? T : never;
/** socket.io's typings lose the answer's type through `timeout()`; the contract above keeps it. */
type Untyped = { emitWithAck(event: string, input: unknown): Promise<unknown> };

/** How long a phone waits for an answer before it says so (weak Wi-Fi loses answers). */
const ANSWER_MS = 10_000;

/**
 * One phone's live copy of its table: the deck, the notes and the dot-vote. Rebuilt from a
 * snapshot on every (re)connect, kept current by the table's events, never by replaying.
 */
export class TableState implements TableGreeting {
	view = $state<TableDeckView | null>(null);
	notes = $state<TableNoteView[]>([]);
	picks = $state<TablePicks | null>(null);
	myDots = $state<string[]>([]);
	/** A deck action is on its way: its buttons wait, so one tap is one action. */
	busy = $state(false);
	/** What went wrong with the last action (shown as an alert). */
	problem = $state('');
	/** Said by the polite live region: a new card, a saved point. */
	announcement = $state('');

	#socket: AppClientSocket;
	/** Table events heard while a snapshot is on its way, to apply again on top of it. */
	#meanwhile = new Meanwhile();

	constructor(socket: AppClientSocket) {
		this.#socket = socket;
	}

	/**
	 * Listens to the table's events and says hello now; returns the undo. With the page's greeting
	 * slot, the page's own hello brings the table on every reconnect; without it, the table says
	 * hello itself on every reconnect.
	 */
	attach(greeting: TableGreetingSlot | null = null): () => void {
		const socket = this.#socket;
		const hello = () => void this.hello();
		const onDeck = (view: TableDeckView) => this.#acceptDeck(view);
		const onNote = ({ note }: { note: TableNoteView }) => this.#hearNote(note);
		const onRemoved = ({ noteId }: { noteId: string }) => this.#hearRemoved(noteId);
		const onPicks = (picks: TablePicks) =>
			this.#meanwhile.hear('picks', () => {
				if (picks.tableId === this.view?.tableId) {
					this.picks = picks;
				}
			});
		if (greeting) {
			greeting.current = this;
		} else {
			socket.on('connect', hello);
		}
		socket.on('table:deck-changed', onDeck);
		socket.on('table:note-changed', onNote);
		socket.on('table:note-removed', onRemoved);
		socket.on('table:picks-changed', onPicks);
		if (socket.connected) {
			hello();
		}
		return () => {
			if (greeting?.current === this) {
				greeting.current = null;
			}
			socket.off('connect', hello);
			socket.off('table:deck-changed', onDeck);
			socket.off('table:note-changed', onNote);
			socket.off('table:note-removed', onRemoved);
			socket.off('table:picks-changed', onPicks);
		};
	}

	async hello() {
		const take = this.beginSnapshot();
		take(await this.#request('table:hello', {}));
	}

	/**
	 * A snapshot is on its way: table events heard from now on are applied again on top of it.
	 * Returns the step that takes the answer in (null: no table came with it; keep what is here).
	 */
	beginSnapshot(): (answer: AckResult<TableSnapshot | null>) => void {
		const stopHearing = this.#meanwhile.start();
		return (answer) => {
			const heard = stopHearing();
			if (!answer.ok) {
				this.problem = answer.error.message;
				return;
			}
			if (!answer.data) {
				return;
			}
			const { table, notes, picks, myDots } = answer.data;
			this.#acceptDeck(table, true);
			this.notes = notes;
			this.picks = picks;
			this.myDots = myDots;
			this.problem = '';
			heard.forEach((apply) => apply());
		};
	}

	async act(action: DeckMove) {
		const view = this.view;
		if (!view || this.busy) {
			return;
		}
		this.busy = true;
		this.problem = '';
		const input = { tableId: view.tableId, action, expectedVersion: view.deck.version };
		const result = await this.#request('table:deck', input);
		this.busy = false;
		if (result.ok) {
			this.#acceptDeck(result.data);
		} else if (result.error.code === 'stale_version') {
			// Someone else's tap won: show the table as it is now, without alarm.
			this.#announce(m.table_stale());
			await this.hello();
		} else {
			this.problem = result.error.message;
		}
	}

	/** Adds a point under the phone's own id; resolves with an error message, or '' once stored. */
	async addNote(noteId: string, cardId: string | null, text: string): Promise<string> {
		const tableId = this.view?.tableId;
		if (!tableId) {
			return m.table_loading();
		}
		const input = { tableId, noteId, cardId, text };
		const result = await this.#request('table:note-add', input);
		if (!result.ok) {
			return result.error.message;
		}
		this.#hearNote(result.data);
		this.#announce(m.table_note_saved());
		return '';
	}

	/** Replaces a point's text; a point changed meanwhile by someone else is refused. */
	async editNote(note: TableNoteView, text: string): Promise<string> {
		const tableId = this.view?.tableId;
		if (!tableId) {
			return m.table_loading();
		}
		const input = { tableId, noteId: note.id, text, expectedUpdatedAt: note.updatedAt };
		const result = await this.#request('table:note-edit', input);
		if (!result.ok) {
			return result.error.message;
		}
		this.#hearNote(result.data);
		this.#announce(m.table_note_saved());
		return '';
	}

	async removeNote(noteId: string) {
		const tableId = this.view?.tableId;
		if (!tableId) {
			return;
		}
		const result = await this.#request('table:note-remove', { tableId, noteId });
		if (result.ok) {
			this.#hearRemoved(noteId);
			this.#announce(m.table_note_removed());
		} else {
			this.problem = result.error.message;
		}
	}

	async toggleDot(cardId: string) {
		const tableId = this.view?.tableId;
		if (!tableId) {
			return;
		}
		const on = !this.myDots.includes(cardId);
		this.problem = '';
		const result = await this.#request('table:dot', { tableId, cardId, on });
		if (result.ok) {
			const { picks, myDots } = result.data;
			this.#meanwhile.hear('picks', () => (this.picks = picks));
			this.#meanwhile.hear('myDots', () => (this.myDots = myDots));
		} else {
			this.problem = result.error.message;
		}
	}

	/** A live region reads only changed text: the same message twice gets an invisible change. */
	#announce(text: string) {
		this.announcement = this.announcement === text ? `${text}\u00a0` : text;
	}

	/** The server's answer, or a plain "no answer" when the network swallowed it. */
	async #request<E extends Event>(event: E, input: Input<E>): Promise<AckResult<Answer<E>>> {
		try {
			const socket = this.#socket.timeout(ANSWER_MS) as unknown as Untyped;
			return (await socket.emitWithAck(event, input)) as AckResult<Answer<E>>;
		} catch {
			return { ok: false, error: { code: 'unavailable', message: m.table_no_answer() } };
		}
	}

	/** Keeps the newest deck; announces a card that was not on the table before. */
	#acceptDeck(next: TableDeckView, fromSnapshot = false) {
		const before = this.view;
		if (before && before.tableId === next.tableId && next.deck.version < before.deck.version) {
			return;
		}
		this.view = next;
		if (!before || (fromSnapshot && before.deck.version === next.deck.version)) {
			return;
		}
		if (next.current && next.current.id !== before.current?.id) {
			this.#announce(
				m.table_new_card({
					number: next.current.number,
					text: next.current.text
				})
			);
		} else if (!next.current && before.current) {
			this.#announce(m.table_card_done());
		}
	}

	/** A note as stored: shown now, and kept over a snapshot on its way (it may predate it). */
	#hearNote(note: TableNoteView) {
		this.#meanwhile.hear(`note:${note.id}`, () => this.#acceptNote(note));
	}

	#hearRemoved(noteId: string) {
		this.#meanwhile.hear(`note:${noteId}`, () => this.#dropNote(noteId));
	}

	#acceptNote(note: TableNoteView) {
		const at = this.notes.findIndex((n) => n.id === note.id);
		if (at === -1) {
			this.notes = [...this.notes, note];
		} else if (note.updatedAt >= this.notes[at]!.updatedAt) {
			this.notes = this.notes.map((n) => (n.id === note.id ? note : n));
		}
	}

	#dropNote(noteId: string) {
		this.notes = this.notes.filter((n) => n.id !== noteId);
	}
}
