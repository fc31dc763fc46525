import { describe, expect, it } from 'vitest';
import type { PublicResult } from '$lib/domain/tally';
import { withheldIfItGivesAway } from './nation';

const shown = (voters: number): PublicResult => ({
	kind: 'scale',
	voters,
	steps: [],
	mean: 3,
	median: 3,
	suppressed: false
});

describe('withheldIfItGivesAway', () => {
	it('holds back a figure from which 1–4 answers besides the room’s own could be worked out', () => {
		expect(withheldIfItGivesAway(shown(8), 6)).toEqual({
			kind: 'scale',
			voters: 8,
			suppressed: true
		});
		expect(withheldIfItGivesAway(shown(10), 6)).toEqual({
			kind: 'scale',
			voters: 10,
			suppressed: true
		});
	});

	it('shows it when it is the room alone, or the rest has five or more', () => {
		expect(withheldIfItGivesAway(shown(6), 6)).toEqual(shown(6));
		expect(withheldIfItGivesAway(shown(11), 6)).toEqual(shown(11));
	});

	it('shows it when the room’s own result was too small to be shown', () => {
		expect(withheldIfItGivesAway(shown(7), 4)).toEqual(shown(7));
	});

	it('leaves a suppressed figure as it is, and follows minGroup', () => {
		const tooFew: PublicResult = { kind: 'scale', voters: 3, suppressed: true };
		expect(withheldIfItGivesAway(tooFew, 0)).toBe(tooFew);
		expect(withheldIfItGivesAway(shown(12), 10, 10)).toMatchObject({ suppressed: true });
	});
});
