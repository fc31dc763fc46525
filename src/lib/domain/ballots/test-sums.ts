/** For the domain tests only (never imported by app code). */
import type { VoteSums } from './index';
import type { BallotOf } from './kinds';
import { rankedCount } from './ranking';

/** Valid stored votes added up as the database adds them up: per option and place, or per option. */
export function sumsOf(kind: 'ranking' | 'points', votes: readonly unknown[]): VoteSums {
	const amounts = new Map<string, number>();
	const add = (key: string, n: number) => amounts.set(key, (amounts.get(key) ?? 0) + n);
	for (const vote of votes as { ranking?: string[]; points?: Record<string, number> }[]) {
		if (kind === 'ranking') {
			vote.ranking!.forEach((id, place) => add(`${id} ${place}`, 1));
		} else {
			Object.entries(vote.points!).forEach(([id, n]) => add(id, n));
		}
	}
	const rows = [...amounts].map(([key, n]) => ({ key: key.split(' '), n }));
	if (kind === 'ranking') {
		const places = rows.map(({ key: [optionId, place], n }) => ({
			optionId: optionId!,
			place: Number(place),
			voters: n
		}));
		return { kind, voters: votes.length, places };
	}
	const sums = rows.map(({ key: [optionId], n }) => ({ optionId: optionId!, points: n }));
	return { kind, voters: votes.length, sums };
}

/** A random valid vote on a ranking or points ballot, as stored once checked. */
export function validVote(ballot: BallotOf<'ranking' | 'points'>, random: () => number): unknown {
	const ids = ballot.options.map((option) => option.id).sort(() => random() - 0.5);
	if (ballot.kind === 'ranking') {
		return { kind: 'ranking', ranking: ids.slice(0, rankedCount(ballot)) };
	}
	const cap = ballot.cap ?? ballot.budget;
	let left = 1 + Math.floor(random() * ballot.budget);
	const given: [string, number][] = [];
	for (const id of ids) {
		const n = Math.min(left, cap, Math.floor(random() * (cap + 1)));
		left -= n;
		given.push([id, n]);
	}
	if (given.every(([, n]) => n === 0)) {
		given[0]![1] = 1;
	}
	return { kind: 'points', points: Object.fromEntries(given.filter(([, n]) => n > 0)) };
}
