import type { z } from 'zod';
import type * as schema from './agenda-schema';
import { fail, type DomainError } from './result';

/**
 * The conference's "what is happening now" state, driven by the facilitator through the IGP
 * flow: Individuelt (individual reflection) → Gruppe (table discussion) → Plenum (plenary).
 *
 * Stage rules (see STAGE_MOVES):
 * - lobby can go to any working stage, but nothing goes back to lobby;
 * - the working stages individual, table and plenary may follow each other in any order, since an
 *   IGP round can loop (plenary → table for a new card, plenary → individual for a new round,
 *   individual ↔ table);
 * - ended is reached only through the explicit 'end' action, and nothing changes after it.
 * An action that would change nothing fails with 'no_change', which callers may treat as done.
 */

export const STAGES = ['lobby', 'individual', 'table', 'plenary', 'ended'] as const;
export type Stage = (typeof STAGES)[number];

/** Norwegian stage names for facilitator screens and messages. */
export const STAGE_LABELS: Record<Stage, string> = {
	lobby: 'Venterom',
	individual: 'Individuelt',
	table: 'Gruppe',
	plenary: 'Plenum',
	ended: 'Avsluttet'
};

/** Where each stage may move with 'set-stage'. */
export const STAGE_MOVES: Record<Stage, readonly Stage[]> = {
	lobby: ['individual', 'table', 'plenary'],
	individual: ['table', 'plenary'],
	table: ['individual', 'plenary'],
	plenary: ['individual', 'table'],
	ended: []
};

// The shapes are checked by the zod schemas in agenda-schema.ts, kept apart so that phones,
// which use the functions here, do not download zod.
export type CurrentItem = z.infer<typeof schema.CurrentItem>;
export type ShownItem = Exclude<CurrentItem, { type: 'none' }>;
export type AgendaState = z.infer<typeof schema.AgendaState>;
/** A facilitator's command, as parsed from a request. */
export type AgendaAction = z.infer<typeof schema.AgendaAction>;

export type AgendaErrorCode =
	'stale_version' | 'conference_ended' | 'invalid_transition' | 'no_change';
export type AgendaResult = { ok: true; state: AgendaState } | DomainError<AgendaErrorCode>;

/** A conference before it starts: lobby, nothing shown, open for joining. */
export function newAgenda(): AgendaState {
	return { stage: 'lobby', item: { type: 'none' }, locked: false, version: 0 };
}

/** Whether 'set-stage' may move from `from` to `to`. */
export function canMoveTo(from: Stage, to: Stage): boolean {
	return STAGE_MOVES[from].includes(to);
}

/**
 * The agenda a screen should show when `next` arrives: the newer of the two. A snapshot read
 * before a change can arrive after the change's event, and must not take the screen back.
 */
export function newestAgenda(shown: AgendaState | null, next: AgendaState): AgendaState {
	return !shown || next.version >= shown.version ? next : shown;
}

/**
 * Applies a facilitator action. If `expectedVersion` is given it must match (compare-and-set,
 * for two facilitators clicking at once). Success raises the version by exactly 1.
 * 'end' also clears the shown item and locks joining.
 */
export function applyAgendaAction(
	state: AgendaState,
	action: AgendaAction,
	expectedVersion?: number
): AgendaResult {
	if (expectedVersion !== undefined && expectedVersion !== state.version) {
		return fail('stale_version', 'Noen andre endret konferansen samtidig. Prøv igjen.');
	}
	if (state.stage === 'ended') {
		return fail('conference_ended', 'Konferansen er avsluttet.');
	}
	const next = step(state, action);
	return next.ok ? { ok: true, state: { ...next.state, version: state.version + 1 } } : next;
}

function step(s: AgendaState, action: AgendaAction): AgendaResult {
	switch (action.type) {
		case 'set-stage':
			return setStage(s, action.stage);
		case 'show':
			if (itemKey(action.item) === itemKey(s.item)) {
				return noChange('Dette vises allerede.');
			}
			return ok({ ...s, item: action.item });
		case 'lock':
			return s.locked ? noChange('Påmeldingen er allerede låst.') : ok({ ...s, locked: true });
		case 'unlock':
			return s.locked ? ok({ ...s, locked: false }) : noChange('Påmeldingen er allerede åpen.');
		case 'end':
			return ok({ ...s, stage: 'ended', item: { type: 'none' }, locked: true });
	}
}

function setStage(s: AgendaState, to: Stage): AgendaResult {
	if (to === s.stage) {
		return noChange(`Konferansen er allerede i fasen ${STAGE_LABELS[to]}.`);
	}
	if (to === 'ended') {
		return fail('invalid_transition', 'Bruk «Avslutt konferansen» for å avslutte.');
	}
	if (!canMoveTo(s.stage, to)) {
		const message = `Kan ikke gå fra ${STAGE_LABELS[s.stage]} til ${STAGE_LABELS[to]}.`;
		return fail('invalid_transition', message);
	}
	return ok({ ...s, stage: to });
}

function ok(state: AgendaState): AgendaResult {
	return { ok: true, state };
}

function noChange(message: string): AgendaResult {
	return fail('no_change', message);
}

/** A stable string key for an item, e.g. "card:abc"; equal keys mean the same item. */
export function itemKey(item: CurrentItem): string {
	switch (item.type) {
		case 'none':
			return 'none';
		case 'section':
			return `section:${item.sectionId}`;
		case 'fact':
			return `fact:${item.factId}`;
		case 'card':
			return `card:${item.cardId}`;
		case 'question':
			return `question:${item.questionId}`;
		case 'table-notes':
			return `table-notes:${item.tableId}`;
	}
}

/** What a participant's phone shows. */
export type PhoneView =
	| { screen: 'waiting'; stage: 'lobby' | 'individual' | 'plenary' }
	| { screen: 'item'; stage: 'individual' | 'table' | 'plenary'; item: ShownItem }
	| { screen: 'deck'; context: CurrentItem }
	| { screen: 'ended' };

/**
 * The participant phone's screen for a conference state:
 * - lobby: waiting, even if the facilitator has already staged the first item;
 * - individual and plenary: the shown item (to read, or to answer if it is a question),
 *   or waiting when nothing is shown;
 * - table: the table's own deck, with the shown item as context; a question is shown instead
 *   of the deck, so a table can answer it together;
 * - ended: the closing screen.
 */
export function phoneView(state: AgendaState): PhoneView {
	const { stage, item } = state;
	switch (stage) {
		case 'lobby':
			return { screen: 'waiting', stage };
		case 'ended':
			return { screen: 'ended' };
		case 'table':
			return item.type === 'question'
				? { screen: 'item', stage, item }
				: { screen: 'deck', context: item };
		case 'individual':
		case 'plenary':
			return item.type === 'none' ? { screen: 'waiting', stage } : { screen: 'item', stage, item };
	}
}
