/** Ballots for the domain tests only (never imported by app code). */
import type { BallotOf } from './kinds';
import { Ballot } from './schema';

const options = (...ids: string[]) => ids.map((id) => ({ id, label: id.toUpperCase() }));

/** Parses through the real schema, so a fixture can never be a ballot the app would reject. */
function parse<B extends Ballot>(ballot: B): B {
	return Ballot.parse(ballot) as B;
}

export function single(ids = ['a', 'b', 'c']): BallotOf<'single'> {
	return parse({ id: 'single', title: 'Single', kind: 'single', options: options(...ids) });
}

export function multiple(
	min: number,
	max: number,
	ids = ['a', 'b', 'c', 'd']
): BallotOf<'multiple'> {
	const ballot = { id: 'multiple', title: 'Multiple', kind: 'multiple', min, max } as const;
	return parse({ ...ballot, options: options(...ids) });
}

export function ranking(topK?: number, ids = ['a', 'b', 'c', 'd']): BallotOf<'ranking'> {
	const ballot = { id: 'ranking', title: 'Ranking', kind: 'ranking', options: options(...ids) };
	return parse({ ...ballot, kind: 'ranking', ...(topK === undefined ? {} : { topK }) });
}

export function points(budget: number, cap?: number, ids = ['a', 'b', 'c']): BallotOf<'points'> {
	const ballot = {
		id: 'points',
		title: 'Points',
		kind: 'points',
		budget,
		options: options(...ids)
	};
	return parse({ ...ballot, kind: 'points', ...(cap === undefined ? {} : { cap }) });
}

export function scale(min = 1, max = 5): BallotOf<'scale'> {
	return parse({ id: 'scale', title: 'Scale', kind: 'scale', min, max });
}

export function text(maxLength = 20, kind: 'text' | 'table' = 'text'): BallotOf<'text' | 'table'> {
	return parse({ id: kind, title: 'Text', kind, maxLength });
}
