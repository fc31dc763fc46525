import { z } from 'zod';
import { AgendaAction } from '$lib/domain/agenda-schema';
import { MAX_NOTE_LENGTH } from '$lib/domain/notes';
import { PARTICIPANT_ROLES } from '$lib/domain/participant-role';

/** zod schema for every client→server payload; the server parses before it acts. */
export const WatchInput = z.object({ conferenceId: z.uuid() }).strict();

/**
 * A phone's hello on every (re)connect. `table`: the deck screen is up, so the answer carries the
 * table's snapshot too — one round trip instead of two. Left out (older pages send `{}`): none.
 */
export const PhoneHelloInput = z.object({ table: z.boolean().optional() }).strict();

export const AgendaCommand = z
	.object({
		conferenceId: z.uuid(),
		action: AgendaAction,
		/** The agenda version the facilitator saw; a stale click is refused, never applied twice. */
		expectedVersion: z.int().min(0)
	})
	.strict();

export const VoteInput = z
	.object({
		pollId: z.uuid(),
		/** Checked against the poll's ballot by the voting domain. */
		value: z.unknown()
	})
	.strict();

export const UpvoteInput = z.object({ pollId: z.uuid(), answerId: z.uuid() }).strict();

export const QuestionCommand = z
	.object({
		conferenceId: z.uuid(),
		questionId: z.string().min(1).max(100),
		action: z.enum(['open', 'close', 'reveal'])
	})
	.strict();

export const ModerateCommand = z
	.object({
		conferenceId: z.uuid(),
		pollId: z.uuid(),
		answerId: z.uuid(),
		hidden: z.boolean()
	})
	.strict();

/* Tables: the card deck in play, the table's notes and its dot-vote. */

const TableId = z.uuid();
const CardRef = z.string().min(1).max(100);
// Generous: the notes domain counts characters and answers with a clear message when too long.
const RawNoteText = z.string().max(10_000, `Punktet kan ha høyst ${MAX_NOTE_LENGTH} tegn.`);

export const DeckCommand = z
	.object({
		tableId: TableId,
		action: z.enum(['draw', 'skip', 'discuss']),
		/** The deck version the phone saw; a stale click is refused, never applied twice. */
		expectedVersion: z.int().min(0)
	})
	.strict();

export const NoteAddInput = z
	.object({
		tableId: TableId,
		/** Chosen by the phone, so sending the same point again after a lost answer adds it once. */
		noteId: z.uuid(),
		cardId: CardRef.nullable(),
		text: RawNoteText
	})
	.strict();

export const NoteEditInput = z
	.object({
		tableId: TableId,
		noteId: z.uuid(),
		text: RawNoteText,
		/** The point's `updatedAt` the phone saw: an edit never overwrites someone else's. */
		expectedUpdatedAt: z.iso.datetime()
	})
	.strict();

export const NoteRemoveInput = z.object({ tableId: TableId, noteId: z.uuid() }).strict();

export const TableDotInput = z
	.object({ tableId: TableId, cardId: CardRef, on: z.boolean() })
	.strict();

export const TablesDealInput = z
	.object({
		conferenceId: z.uuid(),
		deal: z.discriminatedUnion('type', [
			/** A fresh pile of one theme (null: every card) for every table. */
			z.object({ type: z.literal('theme'), themeId: CardRef.nullable() }).strict(),
			/** One card on every table at once. */
			z.object({ type: z.literal('card'), cardId: CardRef }).strict()
		])
	})
	.strict();

export const PinnedNotesInput = z.object({ tableId: TableId }).strict();

/* The national dashboard and the county comparison. */

export const NationWatchInput = z
	.object({
		roundId: z.uuid(),
		/** Count only these roles; left out or empty: everyone. */
		roles: z.array(z.enum(PARTICIPANT_ROLES)).max(PARTICIPANT_ROLES.length).optional(),
		weighting: z.enum(['participant', 'region-equal']).default('participant')
	})
	.strict();

export const CompareInput = z.object({ conferenceId: z.uuid(), pollId: z.uuid() }).strict();
