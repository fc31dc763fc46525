import type { z } from 'zod';
import type { AgendaState } from '$lib/domain/agenda';
import type {
	AgendaCommand,
	WatchInput,
	VoteInput,
	UpvoteInput,
	QuestionCommand,
	ModerateCommand
} from './schemas';
import type {
	DeckCommand,
	NoteAddInput,
	NoteEditInput,
	NoteRemoveInput,
	PhoneHelloInput,
	PinnedNotesInput,
	TableDotInput,
	TablesDealInput
} from './schemas';
import type {
	PinnedNotesView,
	TableDeckView,
	TableNoteView,
	TablePicks,
	TableSnapshot,
	TableSummary,
	TablesOverview
} from './table';
import type { Ballot, VoteValue } from '$lib/domain/ballots/types';
import type { Tally } from '$lib/domain/ballots';
import type { PublicResult } from '$lib/domain/tally';
import type { CompareInput, NationWatchInput } from './schemas';
import type { ComparisonHidden, NationalView, PollComparison } from './nation';

/**
 * THE socket contract, shared by browser and server. The server is
 * `Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>`,
 * the browser `Socket<ServerToClientEvents, ClientToServerEvents>`.
 */
export const PROTOCOL_VERSION = 1;

export interface AckError {
	code: string;
	message: string;
	id?: string;
}
export type AckResult<T> = { ok: true; data: T } | { ok: false; error: AckError };
export type Ack<T> = (result: AckResult<T>) => void;

export interface ConferenceSummary {
	id: string;
	title: string;
	regionName: string;
	joinCode: string;
	status: string;
	verified: boolean;
}

/** Who has joined (stored) and who is connected now (live sockets on every node), per table. */
export interface ConferenceCounts {
	conferenceId: string;
	joined: number;
	connected: number;
	tables: { number: number; joined: number; connected: number }[];
	/** When the count was taken: counts computed on different nodes may arrive out of order. */
	at: number;
}

/** Everything a screen needs to draw the conference from scratch, sent on every (re)connect. */
export interface ConferenceSnapshot {
	conference: ConferenceSummary;
	agenda: AgendaState;
	/** Polls that have been opened (never drafts). */
	polls: PollInfo[];
	/** Results of revealed polls only. */
	results: PollResults[];
}

/** A ballot run in this conference, as every screen may see it (no results). */
export interface PollInfo {
	id: string;
	questionId: string;
	ballotId: string;
	ballot: Ballot;
	status: 'draft' | 'open' | 'closed' | 'revealed';
}

export interface TextAnswerView {
	id: string;
	text: string;
	upvotes: number;
	tableNumber: number | null;
}

/** A revealed poll's result: small groups suppressed; only visible text answers. */
export interface PollResults {
	pollId: string;
	result: PublicResult;
	answers: TextAnswerView[];
}

/** What the facilitator sees of any poll, revealed or not, with moderation state. */
export interface StaffTally {
	pollId: string;
	tally: Tally;
	joined: number;
	answers: (TextAnswerView & { hidden: boolean })[];
}

export interface PhoneSnapshot extends ConferenceSnapshot {
	participant: { id: string; tableNumber: number | null };
	/** The phone's own stored votes, by poll id: shown again after a reconnect. */
	votes: Record<string, VoteValue>;
	/** The phone's table, whole, when the hello asked for it and the phone has a table; else null. */
	table: TableSnapshot | null;
}

/** The presenter's snapshot: also who is here, and the county-vs-nation comparison showing now, if any. */
export interface PresenterSnapshot extends ConferenceSnapshot {
	counts: ConferenceCounts;
	comparison: PollComparison | null;
}

export interface ControlSnapshot extends PresenterSnapshot {
	tallies: StaffTally[];
}

export interface ClientToServerEvents {
	/** A phone at a table asks for its table's deck, notes and dot-vote, and live updates. */
	'table:hello': (input: unknown, ack: Ack<TableSnapshot>) => void;
	/** Anyone at the table draws, skips, or marks the card discussed (compare-and-set). */
	'table:deck': (input: z.input<typeof DeckCommand>, ack: Ack<TableDeckView>) => void;
	'table:note-add': (input: z.input<typeof NoteAddInput>, ack: Ack<TableNoteView>) => void;
	'table:note-edit': (input: z.input<typeof NoteEditInput>, ack: Ack<TableNoteView>) => void;
	'table:note-remove': (
		input: z.input<typeof NoteRemoveInput>,
		ack: Ack<{ noteId: string }>
	) => void;
	/** Puts or takes away this participant's dot on a discussed card. */
	'table:dot': (
		input: z.input<typeof TableDotInput>,
		ack: Ack<{ picks: TablePicks; myDots: string[] }>
	) => void;
	/** The notes of the table pinned to the big screen (staff, or phones while it is shown). */
	'table:pinned': (input: z.input<typeof PinnedNotesInput>, ack: Ack<PinnedNotesView>) => void;
	/** A facilitator follows every table: current card, progress, notes count, picks. */
	'tables:watch': (input: z.input<typeof WatchInput>, ack: Ack<TablesOverview>) => void;
	/** A facilitator deals a theme, or one card, to every table at once. */
	'tables:deal': (input: z.input<typeof TablesDealInput>, ack: Ack<{ tables: number }>) => void;
	/**
	 * A joined phone (participant cookie) asks for the current state and live updates, and with
	 * `table: true` for its table's too (as `table:hello`, in the same round trip).
	 */
	'phone:hello': (input: z.input<typeof PhoneHelloInput>, ack: Ack<PhoneSnapshot>) => void;
	/** A presenter screen (staff) starts following a conference. */
	'presenter:watch': (input: z.input<typeof WatchInput>, ack: Ack<PresenterSnapshot>) => void;
	/** A facilitator's control view starts following a conference. */
	'control:watch': (input: z.input<typeof WatchInput>, ack: Ack<ControlSnapshot>) => void;
	/** A facilitator moves the agenda: stage, shown item, lock, end. */
	'control:agenda': (input: z.input<typeof AgendaCommand>, ack: Ack<AgendaState>) => void;
	/** A participant votes, or changes their vote, on an open poll. */
	'vote:cast': (
		input: z.input<typeof VoteInput>,
		ack: Ack<{ pollId: string; value: VoteValue }>
	) => void;
	/** A participant upvotes an open-text answer on the revealed wall. */
	'text:upvote': (input: z.input<typeof UpvoteInput>, ack: Ack<{ pollId: string }>) => void;
	/** A facilitator opens, closes or reveals a "KS spør" question's ballots. */
	'control:question': (input: z.input<typeof QuestionCommand>, ack: Ack<PollInfo[]>) => void;
	/** A facilitator hides or shows an open-text answer. */
	'control:moderate': (
		input: z.input<typeof ModerateCommand>,
		ack: Ack<{ pollId: string }>
	) => void;
	/** KS staff follow a round's national results (role filter, weighting) live. */
	'nation:watch': (input: z.input<typeof NationWatchInput>, ack: Ack<NationalView>) => void;
	/**
	 * A facilitator shows "our county vs the country so far" for a revealed poll on the presenter
	 * screen (again: with fresh figures). It stays until hidden or something else is shown.
	 */
	'control:compare': (input: z.input<typeof CompareInput>, ack: Ack<PollComparison>) => void;
	/**
	 * A facilitator takes the poll's comparison off the presenter screen; `hidden` is false when
	 * it was not showing (nothing changes then).
	 */
	'control:compare-hide': (
		input: z.input<typeof CompareInput>,
		ack: Ack<ComparisonHidden & { hidden: boolean }>
	) => void;
}

export interface ServerToClientEvents {
	/** The phones at a table: the deck changed (drawn, skipped, discussed, dealt). */
	'table:deck-changed': (view: TableDeckView) => void;
	/** The phones at a table: a point was added or edited. */
	'table:note-changed': (change: { tableId: string; note: TableNoteView }) => void;
	/** The phones at a table: a point was removed. */
	'table:note-removed': (change: { tableId: string; noteId: string }) => void;
	/** The phones at a table: the dot-vote changed. */
	'table:picks-changed': (picks: TablePicks) => void;
	/** Control views: one table's card, progress, notes count or picks changed. */
	'tables:summary': (summary: TableSummary) => void;
	/** Presenter, phones and control: the notes of the table pinned to the big screen changed. */
	'table:pinned-changed': (view: PinnedNotesView) => void;
	'counts:changed': (counts: ConferenceCounts) => void;
	'agenda:changed': (change: { conferenceId: string; agenda: AgendaState }) => void;
	/** The conference's polls changed status (opened, closed, revealed). */
	'polls:changed': (change: { conferenceId: string; polls: PollInfo[] }) => void;
	/** Facilitators only: the live tally of a poll, coalesced. */
	'poll:tally': (tally: StaffTally) => void;
	/** Presenter while a poll is open: how many have voted, never what. */
	'poll:progress': (progress: { pollId: string; voters: number; joined: number }) => void;
	/** Everyone, once revealed: the public result. */
	'poll:results': (results: PollResults) => void;
	/** National dashboards: the round's votes changed; ask again with 'nation:watch' (coalesced). */
	'nation:changed': (change: { roundId: string; at: number }) => void;
	/** Presenter and control, when the facilitator asks: the county against the nation. */
	'poll:comparison': (comparison: PollComparison) => void;
	/** Presenter and control: the comparison is off the screen (hidden, or another item shown). */
	'poll:comparison-hidden': (change: ComparisonHidden) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

export interface SocketData {
	/** The signed-in staff member, from the session cookie at handshake. */
	staff?: { id: string; isAdmin: boolean } | null;
	/** The participant this phone joined as, from its cookie at handshake. */
	participant?: {
		id: string;
		conferenceId: string;
		tableId: string | null;
		tableNumber: number | null;
	} | null;
	/** Set once the phone has said hello: counted as connected. */
	phoneOf?: string;
}
