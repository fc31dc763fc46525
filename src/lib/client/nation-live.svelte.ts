import type { ParticipantRole } from '$lib/domain/participant-role';
import type { Weighting } from '$lib/domain/rollup';
import type { NationalView } from '$lib/realtime/nation';
import { connectSocket, type AppClientSocket } from './socket';

export interface LiveFilter {
	roles: ParticipantRole[];
	weighting: Weighting;
}

/** Whether a view was computed for this filter. */
export function viewMatches(view: NationalView, filter: LiveFilter): boolean {
	const roles = view.roles ?? [];
	return (
		view.weighting === filter.weighting &&
		roles.length === filter.roles.length &&
		roles.every((role) => filter.roles.includes(role))
	);
}

/**
 * A round's national figures, kept live: the server says when votes changed (a few times a
 * second at most) and this asks again with its filter — one request at a time, and one more if
 * something changed meanwhile.
 */
export class NationLive {
	view = $state<NationalView | null>(null);
	connected = $state(false);
	#socket: AppClientSocket | null = null;
	#roundId: string;
	#filter: LiveFilter;
	#inFlight = false;
	#again = false;

	constructor(roundId: string, filter: LiveFilter) {
		this.#roundId = roundId;
		this.#filter = filter;
	}

	start() {
		const socket = connectSocket();
		this.#socket = socket;
		socket.on('connect', () => {
			this.connected = true;
			this.#request();
		});
		socket.on('disconnect', () => {
			this.connected = false;
			this.#inFlight = false;
		});
		socket.on('nation:changed', (change) => {
			if (change.roundId === this.#roundId) {
				this.#request();
			}
		});
		return () => {
			socket.disconnect();
			this.#socket = null;
		};
	}

	setFilter(filter: LiveFilter) {
		this.#filter = filter;
		this.#request();
	}

	#request() {
		const socket = this.#socket;
		if (!socket?.connected) {
			return;
		}
		if (this.#inFlight) {
			this.#again = true;
			return;
		}
		this.#inFlight = true;
		const filter = this.#filter;
		socket.emit(
			'nation:watch',
			{ roundId: this.#roundId, roles: filter.roles, weighting: filter.weighting },
			(result) => {
				this.#inFlight = false;
				if (result.ok && viewMatches(result.data, this.#filter)) {
					if (!this.view || result.data.at >= this.view.at || !viewMatches(this.view, filter)) {
						this.view = result.data;
					}
				}
				if (this.#again) {
					this.#again = false;
					this.#request();
				}
			}
		);
	}
}
