import { describe, expect, it } from 'vitest';
import * as schema from './agenda-schema';
import {
	applyAgendaAction,
	canMoveTo,
	itemKey,
	newAgenda,
	newestAgenda,
	phoneView,
	STAGES,
	type AgendaAction,
	type AgendaResult,
	type AgendaState,
	type CurrentItem,
	type Stage
} from './agenda';

const at = (stage: Stage, partial: Partial<AgendaState> = {}): AgendaState => ({
	...newAgenda(),
	version: 5,
	stage,
	...partial
});

function okState(result: AgendaResult): AgendaState {
	if (!result.ok) {
		throw new Error(`expected ok, got ${result.code}: ${result.message}`);
	}
	return result.state;
}

const card: CurrentItem = { type: 'card', cardId: 'k1' };
const question: CurrentItem = { type: 'question', questionId: 'q1' };

/**
 * Every from × to pair for 'set-stage', written out by hand (not derived from STAGE_MOVES).
 * ok = allowed; otherwise the error code.
 */
const TRANSITIONS: [
	Stage,
	Stage,
	'ok' | 'no_change' | 'invalid_transition' | 'conference_ended'
][] = [
	['lobby', 'lobby', 'no_change'],
	['lobby', 'individual', 'ok'],
	['lobby', 'table', 'ok'],
	['lobby', 'plenary', 'ok'],
	['lobby', 'ended', 'invalid_transition'],
	['individual', 'lobby', 'invalid_transition'],
	['individual', 'individual', 'no_change'],
	['individual', 'table', 'ok'],
	['individual', 'plenary', 'ok'],
	['individual', 'ended', 'invalid_transition'],
	['table', 'lobby', 'invalid_transition'],
	['table', 'individual', 'ok'],
	['table', 'table', 'no_change'],
	['table', 'plenary', 'ok'],
	['table', 'ended', 'invalid_transition'],
	['plenary', 'lobby', 'invalid_transition'],
	['plenary', 'individual', 'ok'],
	['plenary', 'table', 'ok'],
	['plenary', 'plenary', 'no_change'],
	['plenary', 'ended', 'invalid_transition'],
	['ended', 'lobby', 'conference_ended'],
	['ended', 'individual', 'conference_ended'],
	['ended', 'table', 'conference_ended'],
	['ended', 'plenary', 'conference_ended'],
	['ended', 'ended', 'conference_ended']
];

describe('set-stage transitions', () => {
	it('covers every pair of stages', () => {
		expect(TRANSITIONS).toHaveLength(STAGES.length ** 2);
	});

	it.each(TRANSITIONS)('%s → %s: %s', (from, to, expected) => {
		const before = at(from, { item: card });
		const result = applyAgendaAction(before, { type: 'set-stage', stage: to });
		if (expected === 'ok') {
			expect(result).toEqual({ ok: true, state: { ...before, stage: to, version: 6 } });
		} else {
			expect(result).toMatchObject({ ok: false, code: expected });
		}
		const allowed = expected === 'ok';
		expect(canMoveTo(from, to)).toBe(allowed);
	});

	it('explains an invalid move in Norwegian', () => {
		const r = applyAgendaAction(at('plenary'), { type: 'set-stage', stage: 'lobby' });
		expect(r).toMatchObject({ message: 'Kan ikke gå fra Plenum til Venterom.' });
	});

	it('runs a full IGP loop twice', () => {
		let s = newAgenda();
		const path: Stage[] = ['individual', 'table', 'plenary', 'table', 'plenary', 'individual'];
		for (const stage of path) {
			s = okState(applyAgendaAction(s, { type: 'set-stage', stage }));
		}
		expect(s).toMatchObject({ stage: 'individual', version: path.length });
	});
});

describe('other actions', () => {
	const working: Stage[] = ['lobby', 'individual', 'table', 'plenary'];

	it.each(working)('show replaces the item in %s, and the same item again is no_change', (st) => {
		const s = okState(applyAgendaAction(at(st), { type: 'show', item: card }));
		expect(s).toEqual({ ...at(st), item: card, version: 6 });
		const again = applyAgendaAction(s, { type: 'show', item: { cardId: 'k1', type: 'card' } });
		expect(again).toMatchObject({ ok: false, code: 'no_change' });
		const other = okState(applyAgendaAction(s, { type: 'show', item: question }));
		expect(other.item).toEqual(question);
		const none = okState(applyAgendaAction(s, { type: 'show', item: { type: 'none' } }));
		expect(none.item).toEqual({ type: 'none' });
	});

	it.each(working)('lock and unlock toggle joining in %s', (st) => {
		const locked = okState(applyAgendaAction(at(st), { type: 'lock' }));
		expect(locked).toMatchObject({ locked: true, version: 6, stage: st });
		expect(applyAgendaAction(locked, { type: 'lock' })).toMatchObject({ code: 'no_change' });
		const open = okState(applyAgendaAction(locked, { type: 'unlock' }));
		expect(open).toMatchObject({ locked: false, version: 7 });
		expect(applyAgendaAction(open, { type: 'unlock' })).toMatchObject({ code: 'no_change' });
	});

	it.each(working)('end from %s clears the item and locks joining', (st) => {
		const s = okState(applyAgendaAction(at(st, { item: card }), { type: 'end' }));
		expect(s).toEqual({ stage: 'ended', item: { type: 'none' }, locked: true, version: 6 });
	});

	it('refuses every action once ended', () => {
		const ended = at('ended');
		const actions: AgendaAction[] = [
			{ type: 'set-stage', stage: 'table' },
			{ type: 'show', item: card },
			{ type: 'lock' },
			{ type: 'unlock' },
			{ type: 'end' }
		];
		for (const action of actions) {
			const r = applyAgendaAction(ended, action);
			expect(r).toEqual({
				ok: false,
				code: 'conference_ended',
				message: 'Konferansen er avsluttet.'
			});
		}
	});
});

describe('expectedVersion', () => {
	it('is optional, and checked before anything else when given', () => {
		expect(applyAgendaAction(at('lobby'), { type: 'lock' }, 5).ok).toBe(true);
		expect(applyAgendaAction(at('lobby'), { type: 'lock' }, 4)).toMatchObject({
			code: 'stale_version'
		});
		expect(applyAgendaAction(at('ended'), { type: 'lock' }, 6)).toMatchObject({
			code: 'stale_version'
		});
	});

	it('lets only the first of two simultaneous facilitator clicks win', () => {
		const s = at('individual');
		const first = applyAgendaAction(s, { type: 'set-stage', stage: 'table' }, s.version);
		const won = okState(first);
		const second = applyAgendaAction(won, { type: 'set-stage', stage: 'plenary' }, s.version);
		expect(second).toMatchObject({ ok: false, code: 'stale_version' });
	});
});

describe('schemas', () => {
	it('parse valid states and actions and reject malformed ones', () => {
		expect(
			schema.AgendaState.parse(JSON.parse(JSON.stringify(at('table', { item: card }))))
		).toEqual(at('table', { item: card }));
		expect(schema.AgendaState.safeParse({ ...newAgenda(), stage: 'pause' }).success).toBe(false);
		expect(schema.AgendaState.safeParse({ ...newAgenda(), item: { type: 'card' } }).success).toBe(
			false
		);
		expect(schema.AgendaAction.safeParse({ type: 'show', item: question }).success).toBe(true);
		expect(schema.AgendaAction.safeParse({ type: 'set-stage', stage: 'x' }).success).toBe(false);
		expect(schema.AgendaAction.safeParse({ type: 'reset' }).success).toBe(false);
	});
});

describe('itemKey', () => {
	it('distinguishes types and ids', () => {
		const items: CurrentItem[] = [
			{ type: 'none' },
			{ type: 'section', sectionId: 'a' },
			{ type: 'fact', factId: 'a' },
			{ type: 'card', cardId: 'a' },
			{ type: 'card', cardId: 'b' },
			{ type: 'question', questionId: 'a' },
			{ type: 'table-notes', tableId: 'a' }
		];
		expect(new Set(items.map(itemKey)).size).toBe(items.length);
	});
});

describe('phoneView', () => {
	const section: CurrentItem = { type: 'section', sectionId: 's1' };
	const notes: CurrentItem = { type: 'table-notes', tableId: 't1' };
	const none: CurrentItem = { type: 'none' };

	it.each([
		['lobby', none, { screen: 'waiting', stage: 'lobby' }],
		['lobby', card, { screen: 'waiting', stage: 'lobby' }],
		['individual', none, { screen: 'waiting', stage: 'individual' }],
		['individual', card, { screen: 'item', stage: 'individual', item: card }],
		['individual', question, { screen: 'item', stage: 'individual', item: question }],
		['table', none, { screen: 'deck', context: none }],
		['table', section, { screen: 'deck', context: section }],
		['table', card, { screen: 'deck', context: card }],
		['table', notes, { screen: 'deck', context: notes }],
		['table', question, { screen: 'item', stage: 'table', item: question }],
		['plenary', none, { screen: 'waiting', stage: 'plenary' }],
		['plenary', notes, { screen: 'item', stage: 'plenary', item: notes }],
		['plenary', question, { screen: 'item', stage: 'plenary', item: question }],
		['ended', none, { screen: 'ended' }]
	] as const)('%s with %o shows %o', (stage, item, expected) => {
		expect(phoneView(at(stage, { item }))).toEqual(expected);
	});

	it('does not depend on the join lock', () => {
		expect(phoneView(at('plenary', { item: card, locked: true }))).toEqual(
			phoneView(at('plenary', { item: card }))
		);
	});
});

describe('newestAgenda', () => {
	it('keeps the newer agenda whichever arrives last', () => {
		const older = newAgenda();
		const newer = okState(applyAgendaAction(older, { type: 'set-stage', stage: 'individual' }));
		expect(newestAgenda(null, older)).toBe(older);
		expect(newestAgenda(older, newer)).toBe(newer);
		expect(newestAgenda(newer, older)).toBe(newer);
	});
});
