import { describe, expect, it } from 'vitest';
import type { PresenterSnapshot } from '$lib/realtime/events';
import type { PollComparison } from '$lib/realtime/nation';
import { ComparisonState } from './comparison.svelte';

const comparison = (pollId: string, at: number, conferenceId = 'conf-1'): PollComparison => ({
	pollId,
	conferenceId,
	ballot: { id: 'b', title: 'B', kind: 'scale', min: 1, max: 5 } as PollComparison['ballot'],
	regionName: 'Agder',
	county: { kind: 'scale', voters: 3, suppressed: true },
	nation: { kind: 'scale', voters: 3, suppressed: true },
	nationRegions: 0,
	at
});
const hide = (pollId: string, at: number, conferenceId = 'conf-1') => ({
	conferenceId,
	pollId,
	at
});

const conference = { id: 'conf-1' } as PresenterSnapshot['conference'];

function loaded() {
	const state = new ComparisonState();
	state.load({ conference, comparison: null });
	return state;
}

describe('ComparisonState', () => {
	it('shows the newest comparison and hides it again', () => {
		const state = loaded();
		state.shown(comparison('p1', 10));
		expect(state.showing('p1')).toBe(true);
		state.shown(comparison('p2', 20));
		expect(state.current?.pollId).toBe('p2');
		state.hidden(hide('p2', 30));
		expect(state.current).toBeNull();
	});

	it('ignores another conference, a stale hide and a show older than a hide', () => {
		const state = loaded();
		state.shown(comparison('p1', 10, 'conf-2'));
		expect(state.current).toBeNull();
		state.shown(comparison('p1', 10));
		state.hidden(hide('p9', 40));
		state.hidden(hide('p1', 5));
		expect(state.showing('p1')).toBe(true);
		state.hidden(hide('p1', 10, 'conf-2'));
		expect(state.showing('p1')).toBe(true);

		// From two nodes, out of order: the hide (t=50) arrives before its show (t=45).
		const other = loaded();
		other.hidden(hide('p1', 50));
		other.shown(comparison('p1', 45));
		expect(other.current).toBeNull();
	});

	it('takes the snapshot as it is after a reconnect', () => {
		const state = loaded();
		state.shown(comparison('p1', 100));
		state.load({ conference, comparison: null });
		expect(state.current).toBeNull();
		state.load({ conference, comparison: comparison('p2', 50) });
		expect(state.showing('p2')).toBe(true);
	});
});
