import { describe, expect, it } from 'vitest';
import {
	ACTION_SCOPE,
	ACTIONS,
	can,
	isAction,
	ROLES,
	type Action,
	type PolicyContext,
	type Role
} from './roles';

/**
 * The expected policy, written out by hand per action (independent of ACTION_SCOPE).
 * 'facilitator' means: a facilitator assigned to the conference; an unassigned one gets nothing.
 */
type Who = Role | 'facilitator';
const MATRIX: Record<Action, readonly Who[]> = {
	'round:create': ['admin'],
	'round:edit': ['admin'],
	'round:close': ['admin'],
	'round:delete-data': ['admin'],
	'conference:create': ['admin'],
	'conference:edit': ['admin', 'facilitator'],
	'conference:assign-facilitator': ['admin'],
	'conference:control': ['admin', 'facilitator'],
	'poll:open': ['admin', 'facilitator'],
	'poll:close': ['admin', 'facilitator'],
	'poll:reveal': ['admin', 'facilitator'],
	'text:moderate': ['admin', 'facilitator'],
	'table:pin': ['admin', 'facilitator'],
	'deck:deal': ['admin', 'facilitator'],
	'export:read': ['admin', 'facilitator'],
	'nation:view': ['admin'],
	'presenter:view': ['admin', 'facilitator'],
	'conference:join': ['participant', 'anonymous'],
	'vote:cast': ['participant'],
	'deck:act': ['participant'],
	'note:write': ['participant'],
	'text:upvote': ['participant'],
	'staff:invite': ['admin'],
	'staff:reset-password': ['admin'],
	'audit:read': ['admin']
};

const CONTEXTS: (PolicyContext | undefined)[] = [
	undefined,
	{},
	{ isAssigned: true },
	{ isAssigned: false }
];

describe('policy matrix', () => {
	it('lists every action exactly once', () => {
		expect(new Set(ACTIONS).size).toBe(ACTIONS.length);
		expect(Object.keys(MATRIX).sort()).toEqual([...ACTIONS].sort());
		expect(Object.keys(ACTION_SCOPE).sort()).toEqual([...ACTIONS].sort());
		expect(ROLES).toEqual(['admin', 'facilitator', 'participant', 'anonymous']);
	});

	it.each(ACTIONS)('%s: every role × every context', (action) => {
		const allowed = MATRIX[action];
		for (const role of ROLES) {
			for (const ctx of CONTEXTS) {
				const assigned = ctx?.isAssigned === true;
				const expected =
					role === 'facilitator'
						? allowed.includes('facilitator') && assigned
						: allowed.includes(role);
				expect({ role, action, ctx, allowed: can(role, action, ctx) }).toEqual({
					role,
					action,
					ctx,
					allowed: expected
				});
			}
		}
	});
});

describe('policy summaries', () => {
	const allowedFor = (role: Role, ctx = {}) => ACTIONS.filter((a) => can(role, a, ctx));

	it('gives admin every staff action and no participant action', () => {
		const denied = ACTIONS.filter((a) => !can('admin', a));
		expect(denied.sort()).toEqual(
			['conference:join', 'deck:act', 'note:write', 'text:upvote', 'vote:cast'].sort()
		);
	});

	it('gives an unassigned facilitator nothing at all', () => {
		expect(allowedFor('facilitator')).toEqual([]);
		expect(allowedFor('facilitator', { isAssigned: false })).toEqual([]);
	});

	it('gives an assigned facilitator exactly the conference-scoped staff actions', () => {
		expect(allowedFor('facilitator', { isAssigned: true })).toEqual(
			ACTIONS.filter((a) => ACTION_SCOPE[a] === 'conference')
		);
	});

	it('gives participants only their own actions, whatever the context', () => {
		const own = ['conference:join', 'vote:cast', 'deck:act', 'note:write', 'text:upvote'];
		expect(allowedFor('participant').sort()).toEqual(own.sort());
		expect(allowedFor('participant', { isAssigned: true }).sort()).toEqual(own.sort());
	});

	it('lets anonymous visitors only join', () => {
		expect(allowedFor('anonymous')).toEqual(['conference:join']);
		expect(allowedFor('anonymous', { isAssigned: true })).toEqual(['conference:join']);
	});
});

describe('isAction', () => {
	it('recognises action names only', () => {
		for (const a of ACTIONS) {
			expect(isAction(a)).toBe(true);
		}
		for (const v of ['deck:draw', '', 'ADMIN', null, 3, undefined, ['vote:cast']]) {
			expect(isAction(v)).toBe(false);
		}
	});
});
