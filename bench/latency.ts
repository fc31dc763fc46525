import type { FirstVote } from './messages';
import type { ProgressSample } from './staff';

export interface PresenterLatencies {
	/** Vote and presenter screen on the same node. */
	same: number[];
	/** Vote on one node, presenter screen on another (through Redis). */
	cross: number[];
	/** First votes no presenter progress ever covered. */
	missed: number;
}

/**
 * Vote → presenter latency, from one clock. The presenter hears only counts ("n have voted"),
 * never which vote, so: sort a poll's first votes by acknowledgement; the n-th acknowledged vote
 * is on the screen once a `poll:progress` with voters ≥ n arrives. Its latency is that arrival
 * minus the moment the vote was sent. Vote changes do not move the count and are not sampled.
 */
export function presenterLatencies(
	firsts: Record<string, FirstVote[]>,
	progress: ProgressSample[],
	nodes: number
): PresenterLatencies {
	const result: PresenterLatencies = { same: [], cross: [], missed: 0 };
	const byPoll = new Map<string, ProgressSample[]>();
	for (const sample of progress) {
		const list = byPoll.get(sample.pollId) ?? [];
		list.push(sample);
		byPoll.set(sample.pollId, list);
	}
	for (const [pollId, votes] of Object.entries(firsts)) {
		const sorted = [...votes].sort((a, b) => a[1] - b[1]);
		for (let node = 0; node < nodes; node++) {
			const seen = (byPoll.get(pollId) ?? [])
				.filter((s) => s.node === node)
				.sort((a, b) => a.at - b.at);
			let j = 0;
			let most = 0;
			for (const [n, [sentAt, , voteNode]] of sorted.entries()) {
				while (j < seen.length && most < n + 1) {
					most = Math.max(most, seen[j]!.voters);
					j++;
				}
				if (most < n + 1) {
					result.missed++;
					continue;
				}
				const latency = Math.max(0, seen[j - 1]!.at - sentAt);
				(voteNode === node ? result.same : result.cross).push(latency);
			}
		}
	}
	return result;
}
