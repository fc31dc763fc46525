import { describe, expect, it } from 'vitest';
import { tallyVotes } from '$lib/domain/ballots';
import { single } from '$lib/domain/ballots/test-ballots';
import { barWidth, formatNumber, formatPercent, shorten } from './format';
import { staffResult } from './types';

describe('formatting figures', () => {
	it('writes Norwegian percentages and decimals', () => {
		expect(formatPercent(0.426)).toMatch(/^43\s%$/);
		expect(formatNumber(3.75, 1)).toBe('3,8');
	});

	it('clamps bar widths and survives an empty whole', () => {
		expect(barWidth(3, 4)).toBe('75.0%');
		expect(barWidth(5, 4)).toBe('100.0%');
		expect(barWidth(1, 0)).toBe('0.0%');
	});

	it('shortens long answers for accessible names', () => {
		expect(shorten('kort')).toBe('kort');
		expect(shorten('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
		expect(shorten('to\n\nlinjer')).toBe('to linjer');
	});
});

describe('staffResult', () => {
	it('shows the facilitator every figure, even for one voter', () => {
		const tally = tallyVotes(single(), [{ kind: 'single', optionId: 'a' }, { bad: true }]);
		const shown = staffResult(tally);
		expect(shown.suppressed).toBe(false);
		expect(shown.voters).toBe(1);
		expect('skipped' in shown).toBe(false);
	});
});
