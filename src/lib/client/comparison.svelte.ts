import type { PresenterSnapshot } from '$lib/realtime/events';
import type { ComparisonHidden, PollComparison } from '$lib/realtime/nation';
import type { AppClientSocket } from './socket';

/**
 * The county-vs-nation comparison on the presenter screen, as one page sees it (presenter or
 * control). The server clock orders shows and hides: screens on other nodes may get them out of
 * order. Create one per page.
 */
export class ComparisonState {
	/** Set by the first snapshot; events of other conferences are ignored. */
	conferenceId: string | null = null;
	/** The comparison on the big screen now, or null. */
	current = $state.raw<PollComparison | null>(null);
	/** The server time of the newest show or hide applied. */
	#at = 0;

	/** A (re)connect snapshot: the server's state wins. */
	load(snapshot: Pick<PresenterSnapshot, 'conference' | 'comparison'>): void {
		this.conferenceId = snapshot.conference.id;
		this.current = snapshot.comparison;
		this.#at = snapshot.comparison?.at ?? 0;
	}

	#other(conferenceId: string): boolean {
		return this.conferenceId !== null && conferenceId !== this.conferenceId;
	}

	shown(comparison: PollComparison): void {
		if (this.#other(comparison.conferenceId) || comparison.at < this.#at) {
			return;
		}
		this.#at = comparison.at;
		this.current = comparison;
	}

	hidden(change: ComparisonHidden): void {
		if (this.#other(change.conferenceId) || change.at < this.#at) {
			return;
		}
		// A hide for another poll is stale; one arriving before its own show still counts.
		if (this.current === null || this.current.pollId === change.pollId) {
			this.#at = change.at;
			this.current = null;
		}
	}

	/** Whether the comparison of `pollId` is on the big screen. */
	showing(pollId: string): boolean {
		return this.current?.pollId === pollId;
	}

	/** Follows 'poll:comparison' and 'poll:comparison-hidden'; returns a function that stops. */
	listen(socket: AppClientSocket): () => void {
		const onShown = (comparison: PollComparison) => this.shown(comparison);
		const onHidden = (change: ComparisonHidden) => this.hidden(change);
		socket.on('poll:comparison', onShown);
		socket.on('poll:comparison-hidden', onHidden);
		return () => {
			socket.off('poll:comparison', onShown);
			socket.off('poll:comparison-hidden', onHidden);
		};
	}
}
