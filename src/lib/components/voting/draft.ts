import { rankedCount } from '$lib/domain/ballots/ranking';
import type { BallotOf } from '$lib/domain/ballots/kinds';
import type { Ballot, VoteValue } from '$lib/domain/ballots/types';

/**
 * What a voter has filled in so far, for any kind of ballot. Only the fields of the ballot's
 * kind are used; keeping one shape makes the form's state simple.
 */
export interface DraftFields {
	optionId: string | null;
	optionIds: string[];
	/** The options ranked so far, best first. */
	ranking: string[];
	points: Record<string, number>;
	/** null until the voter picks a step. */
	scale: number | null;
	text: string;
}

/** An empty draft for `ballot`, or the voter's stored vote when there is one. */
export function initialDraft(ballot: Ballot, own?: VoteValue): DraftFields {
	const draft: DraftFields = {
		optionId: null,
		optionIds: [],
		ranking: [],
		points: {},
		scale: null,
		text: ''
	};
	if ('options' in ballot) {
		draft.points = Object.fromEntries(ballot.options.map((option) => [option.id, 0]));
	}
	if (!own || own.kind !== ballot.kind) {
		return draft;
	}
	switch (own.kind) {
		case 'single':
			return { ...draft, optionId: own.optionId };
		case 'multiple':
			return { ...draft, optionIds: [...own.optionIds] };
		case 'ranking':
			return { ...draft, ranking: [...own.ranking] };
		case 'points':
			return { ...draft, points: { ...draft.points, ...own.points } };
		case 'scale':
			return { ...draft, scale: own.value };
		case 'text':
		case 'table':
			return { ...draft, text: own.text };
	}
}

/**
 * The vote the draft stands for, to be checked by `checkVote`; null when nothing has been
 * picked yet on a single choice or a scale (the domain has no message for "nothing").
 */
export function draftToVote(ballot: Ballot, draft: DraftFields): VoteValue | null {
	switch (ballot.kind) {
		case 'single':
			return draft.optionId === null ? null : { kind: 'single', optionId: draft.optionId };
		case 'multiple':
			return { kind: 'multiple', optionIds: [...draft.optionIds] };
		case 'ranking':
			return { kind: 'ranking', ranking: [...draft.ranking] };
		case 'points':
			return { kind: 'points', points: { ...draft.points } };
		case 'scale':
			return draft.scale === null ? null : { kind: 'scale', value: draft.scale };
		case 'text':
		case 'table':
			return { kind: ballot.kind, text: draft.text };
	}
}

/** The list with the item at `index` moved `delta` places (clamped to the list's ends). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
	const to = Math.max(0, Math.min(list.length - 1, index + delta));
	const next = [...list];
	const [item] = next.splice(index, 1);
	if (item === undefined) {
		return next;
	}
	next.splice(to, 0, item);
	return next;
}

/** How many options still need a place in the ranking (0 when the ranking is complete). */
export function rankingLeft(ballot: BallotOf<'ranking'>, ranking: readonly string[]): number {
	return Math.max(0, rankedCount(ballot) - ranking.length);
}

/** Points not yet given to any option. */
export function pointsLeft(ballot: BallotOf<'points'>, points: Record<string, number>): number {
	const given = Object.values(points).reduce((sum, n) => sum + n, 0);
	return ballot.budget - given;
}

/** The most `optionId` can have now: its cap, and what is left of the budget. */
export function pointsMax(
	ballot: BallotOf<'points'>,
	points: Record<string, number>,
	optionId: string
): number {
	const own = points[optionId] ?? 0;
	return Math.min(ballot.cap ?? ballot.budget, own + pointsLeft(ballot, points));
}

/** The points with `optionId` set to `n`, rounded and clamped to what the ballot allows. */
export function setPoints(
	ballot: BallotOf<'points'>,
	points: Record<string, number>,
	optionId: string,
	n: number
): Record<string, number> {
	const whole = Number.isFinite(n) ? Math.round(n) : 0;
	const clamped = Math.max(0, Math.min(pointsMax(ballot, points, optionId), whole));
	return { ...points, [optionId]: clamped };
}

/** JSON with object keys sorted, so equal votes compare equal whatever their key order. */
export function canonical(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
			: v
	);
}

/** Whether two votes say the same (e.g. a stored vote and what the form shows now). */
export function sameVote(a: VoteValue | null | undefined, b: VoteValue | null | undefined) {
	return canonical(a ?? null) === canonical(b ?? null);
}
