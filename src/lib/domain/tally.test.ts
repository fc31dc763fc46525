import { describe, expect, it } from 'vitest';
import { tallyVotes } from './ballots';
import { multiple, scale, single, text } from './ballots/test-ballots';
import { deepFreeze } from './test-utils';
import { isTooSmall, publicResult, suppressedResult } from './tally';

const singles = (...ids: string[]) => ids.map((optionId) => ({ kind: 'single', optionId }));

describe('publicResult', () => {
	it('withholds every figure but the number of voters below minGroup (default 5)', () => {
		const tally = tallyVotes(single(), singles('a', 'a', 'b', 'c'));
		expect(publicResult(tally)).toEqual({ kind: 'single', voters: 4, suppressed: true });
	});

	it('shows the tally, without skipped, at exactly minGroup', () => {
		const tally = tallyVotes(single(), [...singles('a', 'a', 'b', 'c', 'c'), null]);
		const result = publicResult(tally);
		expect(result).toMatchObject({ kind: 'single', voters: 5, suppressed: false });
		expect(result).not.toHaveProperty('skipped');
		if (!result.suppressed && result.kind === 'single') {
			expect(result.options.map((o) => o.share)).toEqual([0.4, 0.2, 0.4]);
		}
	});

	it('counts only valid votes towards minGroup', () => {
		const tally = tallyVotes(single(), [
			...singles('a', 'a', 'b', 'c'),
			{ kind: 'single', optionId: 'x' }
		]);
		expect(publicResult(tally).suppressed).toBe(true);
	});

	it('suppresses an empty poll', () => {
		expect(publicResult(tallyVotes(scale(), []))).toEqual({
			kind: 'scale',
			voters: 0,
			suppressed: true
		});
	});

	it('honours a custom minGroup', () => {
		const tally = tallyVotes(multiple(0, 2), [{ kind: 'multiple', optionIds: [] }]);
		expect(publicResult(tally, { minGroup: 1 }).suppressed).toBe(false);
		expect(publicResult(tallyVotes(single(), singles('a', 'b')), { minGroup: 3 }).suppressed).toBe(
			true
		);
	});

	it('never suppresses text and table counts', () => {
		const tally = tallyVotes(text(), [{ kind: 'text', text: 'hei' }]);
		expect(publicResult(tally)).toEqual({ kind: 'text', voters: 1, suppressed: false });
		expect(publicResult(tallyVotes(text(9, 'table'), []))).toEqual({
			kind: 'table',
			voters: 0,
			suppressed: false
		});
	});

	it.each([0, -1, 2.5, Number.NaN])('throws on minGroup %s', (minGroup) => {
		expect(() => publicResult(tallyVotes(single(), []), { minGroup })).toThrow(RangeError);
	});

	it('does not mutate the tally', () => {
		const tally = deepFreeze(tallyVotes(single(), singles('a', 'a', 'a', 'a', 'a')));
		expect(() => publicResult(tally)).not.toThrow();
		expect(tally.skipped).toBe(0);
	});
});

describe('isTooSmall and suppressedResult', () => {
	it('agree with publicResult', () => {
		const tally = tallyVotes(single(), singles('a', 'b', 'c', 'a', 'b', 'c'));
		expect(isTooSmall(tally, 6)).toBe(false);
		expect(isTooSmall(tally, 7)).toBe(true);
		expect(suppressedResult(tally)).toEqual({ kind: 'single', voters: 6, suppressed: true });
	});
});
