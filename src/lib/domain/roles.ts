/**
 * Who may do what: the action × role policy. Pure; the server decides the role and whether a
 * facilitator is assigned to the conference in question, and asks `can` before acting.
 */

export const ROLES = ['admin', 'facilitator', 'participant', 'anonymous'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
	'round:create',
	'round:edit',
	'round:close',
	'round:delete-data',
	'conference:create',
	'conference:edit',
	'conference:assign-facilitator',
	'conference:control',
	'poll:open',
	'poll:close',
	'poll:reveal',
	'text:moderate',
	'table:pin',
	'deck:deal',
	'export:read',
	'nation:view',
	'presenter:view',
	'conference:join',
	'vote:cast',
	'deck:act',
	'note:write',
	'text:upvote',
	'staff:invite',
	'staff:reset-password',
	'audit:read'
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * - admin: staff actions that are not tied to one conference (rounds, staff, audit, nation);
 * - conference: staff actions on one conference: admin, or a facilitator assigned to it;
 * - participant: a participant's own actions at their table;
 * - join: joining as a participant: an anonymous visitor, or a participant rejoining.
 */
export type ActionScope = 'admin' | 'conference' | 'participant' | 'join';

export const ACTION_SCOPE: Record<Action, ActionScope> = {
	'round:create': 'admin',
	'round:edit': 'admin',
	'round:close': 'admin',
	'round:delete-data': 'admin',
	'conference:create': 'admin',
	'conference:edit': 'conference',
	'conference:assign-facilitator': 'admin',
	'conference:control': 'conference',
	'poll:open': 'conference',
	'poll:close': 'conference',
	'poll:reveal': 'conference',
	'text:moderate': 'conference',
	'table:pin': 'conference',
	'deck:deal': 'conference',
	'export:read': 'conference',
	'nation:view': 'admin',
	'presenter:view': 'conference',
	'conference:join': 'join',
	'vote:cast': 'participant',
	'deck:act': 'participant',
	'note:write': 'participant',
	'text:upvote': 'participant',
	'staff:invite': 'admin',
	'staff:reset-password': 'admin',
	'audit:read': 'admin'
};

export type PolicyContext = {
	/** Whether the facilitator is assigned to the conference the action concerns. */
	isAssigned?: boolean;
};

/**
 * Whether `role` may perform `action`. Staff (admin, facilitator) never get participant actions,
 * joining included: votes and notes come only from participants. A facilitator's conference
 * actions need `ctx.isAssigned === true`; admins ignore `ctx`.
 */
export function can(role: Role, action: Action, ctx: PolicyContext = {}): boolean {
	switch (ACTION_SCOPE[action]) {
		case 'admin':
			return role === 'admin';
		case 'conference':
			return role === 'admin' || (role === 'facilitator' && ctx.isAssigned === true);
		case 'participant':
			return role === 'participant';
		case 'join':
			return role === 'participant' || role === 'anonymous';
	}
}

/** Type guard for an action name from outside (a request, a test table). */
export function isAction(value: unknown): value is Action {
	return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}
