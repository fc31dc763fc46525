import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type {
	AckResult,
	ClientToServerEvents,
	PhoneSnapshot,
	PollInfo,
	ServerToClientEvents
} from '../src/lib/realtime/events';
import type { TableDeckView } from '../src/lib/realtime/table';
import type { PhoneSpec } from './messages';
import { pollsKey, type ShownState } from './reconnect';
import { addressOf, postForm } from './loopback';
import { canonical, now } from './stats';

type PhoneSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 30_000;
/** What a phone tells the load process it runs in. */
export interface PhoneHooks {
	polls(conferenceId: string, polls: PollInfo[]): void;
	event(name: string): void;
}

/** One participant's phone: joins over HTTP like the browser, then one socket.io connection. */
export class Phone {
	cookie = '';
	participantId = '';
	socket: PhoneSocket | null = null;
	tableId: string | null = null;
	deck: TableDeckView | null = null;
	/** The normalised value of this phone's last acknowledged vote, by poll id. */
	readonly acked = new Map<string, unknown>();
	/** What phone:hello last read back from the database, by poll id, and when. */
	stored: Record<string, unknown> = {};
	storedAt = 0;
	lastAckAt = 0;
	/** When the socket last connected (handshake and authentication done), before its hello. */
	connectedAt = 0;
	busy = false;
	/** Dropped on purpose and coming back (reconnect.ts): it sends no vote meanwhile. */
	away = false;
	/**
	 * The status of each of the conference's polls, as the app's client keeps them: a hello
	 * brings them all, a change the changed question's.
	 */
	readonly pollStatus = new Map<string, PollInfo['status']>();

	/** The phone's own source address on loopback; see addressOf. */
	readonly address: string;

	constructor(
		readonly spec: PhoneSpec,
		readonly url: string,
		private readonly hooks: PhoneHooks
	) {
		this.address = addressOf(spec.index);
	}

	/** Posts the join form as a browser does: 303 and the participant cookie. */
	async join(): Promise<void> {
		const role = ['folkevalgt', 'administrasjon', 'tillitsvalgt', 'annet'][this.spec.index % 4]!;
		const table = this.spec.table === null ? '' : String(this.spec.table);
		const fields = { municipality: 'annet', role, table };
		const response = await postForm(this.url, `/j/${this.spec.joinCode}`, fields, this.address);
		const cookie = response.cookies.find((c) => c.startsWith('droft_participant='));
		if (response.status !== 303 || !cookie) {
			throw new Error(`join answered ${response.status}`);
		}
		this.cookie = cookie;
	}

	/** Connects the socket and says hello (its table's snapshot comes with it): the phone is live. */
	async connect(): Promise<void> {
		// engine.io-client hands `localAddress` on to ws in Node; its types leave it out.
		const options = {
			transports: ['websocket'],
			forceNew: true,
			reconnection: false,
			timeout: ACK_TIMEOUT_MS,
			extraHeaders: { cookie: this.cookie },
			localAddress: this.address
		} as Partial<ManagerOptions & SocketOptions>;
		const socket: PhoneSocket = io(this.url, options);
		this.socket = socket;
		socket.onAny((name: string) => this.hooks.event(name));
		socket.on('polls:changed', (change) => this.hearPolls(change.polls));
		socket.on('table:deck-changed', (view) => {
			if (!this.deck || view.deck.version > this.deck.deck.version) {
				this.deck = view;
			}
		});
		await new Promise<void>((resolve, reject) => {
			// A connection the server drops before socket.io's connect packet never fires either
			// event when reconnection is off: the timer and the manager's close settle it.
			const timer = setTimeout(() => reject(new Error('connect timed out')), ACK_TIMEOUT_MS);
			const settle = (error?: Error) => {
				clearTimeout(timer);
				return error ? reject(error) : resolve();
			};
			socket.once('connect', () => settle());
			socket.once('connect_error', settle);
			socket.io.once('close', (reason) => settle(new Error(`closed before connecting: ${reason}`)));
		});
		this.connectedAt = now();
		// A phone at a table shows its deck: its hello asks for the table too, as the page does.
		const hello = await this.request<PhoneSnapshot>('phone:hello', {
			table: this.spec.table !== null
		});
		this.participantId = hello.participant.id;
		this.stored = hello.votes;
		this.storedAt = now();
		this.pollStatus.clear();
		this.hearPolls(hello.polls);
		if (hello.table) {
			this.tableId = hello.table.table.tableId;
			this.deck = hello.table.table;
		}
	}

	private hearPolls(polls: PollInfo[]) {
		polls.forEach((p) => this.pollStatus.set(p.id, p.status));
		// The load process votes on the polls it heard of last; a phone dropped on purpose
		// (reconnect.ts) leaves that as it was, so the votes keep their pattern.
		if (!this.away) {
			this.hooks.polls(this.spec.conferenceId, polls);
		}
	}

	/** What this phone shows of the state that changes in the steady state. */
	shown(): ShownState {
		return {
			polls: pollsKey([...this.pollStatus]),
			deckVersion: this.deck?.deck.version ?? null
		};
	}

	/** The conference's polls as the server has them now (a hello's read), to compare with `shown`. */
	async pollsNow(): Promise<string> {
		const hello = await this.request<PhoneSnapshot>('phone:hello', { table: false });
		return pollsKey(hello.polls.map((p) => [p.id, p.status]));
	}

	disconnect() {
		this.socket?.disconnect();
		this.socket = null;
	}

	/** Casts a vote; resolves once it is acknowledged (stored), remembering what was stored. */
	async vote(poll: PollInfo, value: unknown): Promise<void> {
		const stored = await this.request<{ pollId: string; value: unknown }>('vote:cast', {
			pollId: poll.id,
			value
		});
		this.acked.set(poll.id, stored.value);
		this.lastAckAt = now();
	}

	/** Draws a card, or marks the one on the table discussed: the table's phones all see it. */
	async actOnDeck(): Promise<boolean> {
		if (!this.tableId || !this.deck || (!this.deck.current && this.deck.deck.remaining === 0)) {
			return false; // no table, or every card discussed
		}
		this.deck = await this.request<TableDeckView>('table:deck', {
			tableId: this.tableId,
			action: this.deck.current ? 'discuss' : 'draw',
			expectedVersion: this.deck.deck.version
		});
		return true;
	}

	/** Whether phone:hello read the database after this phone's last acknowledged vote. */
	get readBack(): boolean {
		return this.storedAt > this.lastAckAt;
	}

	/** Lost votes: acknowledged values that phone:hello did not read back from the database. */
	lostVotes(): string[] {
		const lost: string[] = [];
		for (const [pollId, value] of this.acked) {
			if (canonical(this.stored[pollId]) !== canonical(value)) {
				const stored = canonical(this.stored[pollId]);
				lost.push(`${this.participantId} ${pollId}: acked ${canonical(value)}, stored ${stored}`);
			}
		}
		return lost;
	}

	private async request<T>(event: string, payload: unknown): Promise<T> {
		if (!this.socket) {
			throw new Error('not connected');
		}
		const answer = (await this.socket
			.timeout(ACK_TIMEOUT_MS)
			// eslint-disable-next-line @typescript-eslint/no-explicit-any
			.emitWithAck(event as any, payload as any)) as AckResult<T>;
		if (!answer.ok) {
			throw new Error(`${event}: ${answer.error.code} ${answer.error.message}`);
		}
		return answer.data;
	}
}
