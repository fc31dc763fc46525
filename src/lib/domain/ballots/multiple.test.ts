import { describe, expect, it } from 'vitest';
import { combineMultiple, tallyMultiple, validateMultiple } from './multiple';
import { multiple } from './test-ballots';
import type { VoteValue } from './types';

const vote = (...optionIds: string[]): VoteValue => ({ kind: 'multiple', optionIds });
const message = (check: ReturnType<typeof validateMultiple>) => (check.ok ? null : check.message);

describe('validateMultiple', () => {
	it('accepts a choice within [min, max] and lists it in ballot order', () => {
		expect(validateMultiple(multiple(1, 3), vote('d', 'a'))).toEqual({
			ok: true,
			value: vote('a', 'd')
		});
	});

	it('accepts exactly min and exactly max', () => {
		expect(validateMultiple(multiple(2, 3), vote('a', 'b')).ok).toBe(true);
		expect(validateMultiple(multiple(2, 3), vote('a', 'b', 'c')).ok).toBe(true);
	});

	it('accepts an empty choice as a blank vote when min is 0', () => {
		expect(validateMultiple(multiple(0, 2), vote())).toEqual({ ok: true, value: vote() });
	});

	it('rejects too few, with the right Norwegian number', () => {
		expect(message(validateMultiple(multiple(1, 3), vote()))).toBe('Velg minst ett alternativ.');
		expect(message(validateMultiple(multiple(2, 3), vote('a')))).toBe('Velg minst 2 alternativer.');
	});

	it('rejects too many', () => {
		expect(message(validateMultiple(multiple(0, 1), vote('a', 'b')))).toBe(
			'Velg høyst ett alternativ.'
		);
		expect(message(validateMultiple(multiple(1, 3), vote('a', 'b', 'c', 'd')))).toBe(
			'Velg høyst 3 alternativer.'
		);
	});

	it('rejects duplicates, even within the limits', () => {
		expect(message(validateMultiple(multiple(1, 3), vote('a', 'a')))).toBe(
			'Hvert alternativ kan bare velges én gang.'
		);
	});

	it('rejects unknown options', () => {
		expect(message(validateMultiple(multiple(1, 3), vote('a', 'x')))).toBe(
			'Valget inneholder et ukjent alternativ.'
		);
	});

	it('caps max at the number of options', () => {
		expect(validateMultiple(multiple(1, 10), vote('a', 'b', 'c', 'd')).ok).toBe(true);
	});

	it('rejects every vote on a ballot whose min exceeds what can be chosen', () => {
		expect(message(validateMultiple(multiple(5, 9), vote('a', 'b', 'c', 'd')))).toMatch(
			/satt opp feil/
		);
		expect(validateMultiple(multiple(3, 2), vote('a', 'b')).ok).toBe(false);
	});

	it('rejects another kind', () => {
		expect(validateMultiple(multiple(0, 2), { kind: 'single', optionId: 'a' }).ok).toBe(false);
	});
});

describe('tallyMultiple', () => {
	const ballot = multiple(0, 3);

	it('gives shares of voters, which may add up to more than 1', () => {
		const tally = tallyMultiple(ballot, [vote('a', 'b'), vote('a'), vote('a', 'c')]);
		expect(tally.voters).toBe(3);
		expect(tally.options.map((o) => o.count)).toEqual([3, 1, 1, 0]);
		expect(tally.options.map((o) => o.share)).toEqual([1, 1 / 3, 1 / 3, 0]);
		expect(tally.options.map((o) => o.rank)).toEqual([1, 2, 2, 4]);
	});

	it('counts blank votes as voters, lowering every share', () => {
		const tally = tallyMultiple(ballot, [vote('a'), vote(), vote(), vote()]);
		expect(tally.voters).toBe(4);
		expect(tally.options[0]).toMatchObject({ count: 1, share: 0.25 });
	});

	it('skips invalid votes whole, not option by option', () => {
		const tally = tallyMultiple(ballot, [vote('a', 'x'), vote('a', 'a'), vote('b')]);
		expect(tally).toMatchObject({ voters: 1, skipped: 2 });
		expect(tally.options.map((o) => o.count)).toEqual([0, 1, 0, 0]);
	});

	it('handles an empty poll', () => {
		const tally = tallyMultiple(ballot, []);
		expect(tally.voters).toBe(0);
		expect(tally.options.every((o) => o.share === 0 && o.rank === 1)).toBe(true);
	});
});

describe('combineMultiple', () => {
	it('with weight 1 equals tallying all votes together', () => {
		const ballot = multiple(0, 2);
		const a = [vote('a', 'b'), vote()];
		const b = [vote('c'), vote('a', 'd'), vote('x')];
		const parts = [a, b].map((values) => ({ tally: tallyMultiple(ballot, values), weight: 1 }));
		expect(combineMultiple(ballot, parts)).toEqual(tallyMultiple(ballot, [...a, ...b]));
	});
});
