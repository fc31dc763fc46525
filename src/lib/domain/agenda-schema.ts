import { z } from 'zod';
import { STAGES } from './agenda';

/** The shapes of agenda.ts's state and commands, for checking what comes from outside. */

export const Stage = z.enum(STAGES);

const Id = z.string().min(1);
export const CurrentItem = z.discriminatedUnion('type', [
	z.object({ type: z.literal('none') }),
	z.object({ type: z.literal('section'), sectionId: Id }),
	z.object({ type: z.literal('fact'), factId: Id }),
	z.object({ type: z.literal('card'), cardId: Id }),
	z.object({ type: z.literal('question'), questionId: Id }),
	z.object({ type: z.literal('table-notes'), tableId: Id })
]);

export const AgendaState = z.object({
	stage: Stage,
	item: CurrentItem,
	/** Whether joining the conference is locked. */
	locked: z.boolean(),
	version: z.int().min(0)
});

/** A facilitator's command, as parsed from a request. */
export const AgendaAction = z.discriminatedUnion('type', [
	z.object({ type: z.literal('set-stage'), stage: Stage }),
	z.object({ type: z.literal('show'), item: CurrentItem }),
	z.object({ type: z.literal('lock') }),
	z.object({ type: z.literal('unlock') }),
	z.object({ type: z.literal('end') })
]);
