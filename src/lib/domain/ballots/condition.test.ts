import { describe, expect, it } from 'vitest';
import { isEligible } from './condition';
import { single } from './test-ballots';
import type { Ballot, VoteValue } from './types';

const followUp: Ballot = {
	...single(),
	id: 'why',
	condition: { ballotId: 'q1', optionIds: ['a', 'c'] }
};
const votes = (vote?: VoteValue) => new Map<string, VoteValue>(vote ? [['q1', vote]] : []);

describe('isEligible', () => {
	it('shows unconditional ballots to everyone', () => {
		expect(isEligible(single(), new Map())).toBe(true);
	});

	it('shows a follow-up to those who chose a listed option on a single choice', () => {
		expect(isEligible(followUp, votes({ kind: 'single', optionId: 'c' }))).toBe(true);
		expect(isEligible(followUp, votes({ kind: 'single', optionId: 'b' }))).toBe(false);
	});

	it('shows a follow-up to those who chose any listed option on a multiple choice', () => {
		expect(isEligible(followUp, votes({ kind: 'multiple', optionIds: ['b', 'a'] }))).toBe(true);
		expect(isEligible(followUp, votes({ kind: 'multiple', optionIds: ['b'] }))).toBe(false);
		expect(isEligible(followUp, votes({ kind: 'multiple', optionIds: [] }))).toBe(false);
	});

	it('hides a follow-up from those who have not voted on the condition', () => {
		expect(isEligible(followUp, votes())).toBe(false);
		const other = new Map<string, VoteValue>([['q2', { kind: 'single', optionId: 'a' }]]);
		expect(isEligible(followUp, other)).toBe(false);
	});

	it('hides a follow-up conditioned on an unsupported kind', () => {
		expect(isEligible(followUp, votes({ kind: 'ranking', ranking: ['a', 'b'] }))).toBe(false);
		expect(isEligible(followUp, votes({ kind: 'points', points: { a: 3 } }))).toBe(false);
		expect(isEligible(followUp, votes({ kind: 'text', text: 'a' }))).toBe(false);
	});
});
