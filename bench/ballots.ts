import type { PollInfo } from '../src/lib/realtime/events';

/** Ballot kinds a phone votes on in the benchmark: free text and follow-ups are left out. */
const VOTABLE = new Set(['single', 'multiple', 'ranking', 'points', 'scale']);

/** An open poll any phone may vote on (no condition on an earlier answer). */
export function votable(poll: PollInfo): boolean {
	return poll.status === 'open' && VOTABLE.has(poll.ballot.kind) && !poll.ballot.condition;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

function shuffled<T>(items: readonly T[]): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(Math.random() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/** A random valid vote on the poll's ballot, as a phone would send it. */
export function randomVote(poll: PollInfo): unknown {
	const ballot = poll.ballot;
	switch (ballot.kind) {
		case 'scale':
			return {
				kind: 'scale',
				value: ballot.min + Math.floor(Math.random() * (ballot.max - ballot.min + 1))
			};
		case 'single':
			return { kind: 'single', optionId: pick(ballot.options).id };
		case 'multiple': {
			const max = Math.min(ballot.max, ballot.options.length);
			const n = ballot.min + Math.floor(Math.random() * (max - ballot.min + 1));
			return { kind: 'multiple', optionIds: shuffled(ballot.options.map((o) => o.id)).slice(0, n) };
		}
		case 'ranking': {
			const k = Math.min(ballot.topK ?? ballot.options.length, ballot.options.length);
			return { kind: 'ranking', ranking: shuffled(ballot.options.map((o) => o.id)).slice(0, k) };
		}
		case 'points': {
			const points: Record<string, number> = {};
			const cap = ballot.cap ?? ballot.budget;
			// Spend the whole budget (or all the options can hold), one point at a time.
			for (let left = Math.min(ballot.budget, cap * ballot.options.length); left > 0;) {
				const id = pick(ballot.options).id;
				if ((points[id] ?? 0) < cap) {
					points[id] = (points[id] ?? 0) + 1;
					left--;
				}
			}
			return { kind: 'points', points };
		}
		default:
			throw new Error(`the benchmark does not vote on ${ballot.kind} ballots`);
	}
}
