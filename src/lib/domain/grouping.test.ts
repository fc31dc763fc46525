import { describe, expect, it } from 'vitest';
import { containsPattern, groupInOrder, searchWords } from './grouping';

describe('groupInOrder', () => {
	const items = [
		{ theme: 'trust', text: 'a' },
		{ theme: 'other', text: 'b' },
		{ theme: 'tariff', text: 'c' },
		{ theme: 'trust', text: 'd' },
		{ theme: 'extra', text: 'e' }
	];

	it('puts groups in the given order, then the rest as first met, keeping item order', () => {
		const groups = groupInOrder(items, (i) => i.theme, ['tariff', 'trust']);
		expect(groups.map((g) => g.key)).toEqual(['tariff', 'trust', 'other', 'extra']);
		expect(groups[1]!.items.map((i) => i.text)).toEqual(['a', 'd']);
	});

	it('leaves out keys of the order that have no items', () => {
		expect(groupInOrder([], (i: { k: string }) => i.k, ['x'])).toEqual([]);
	});
});

describe('search', () => {
	it('splits a query into lower-case words', () => {
		expect(searchWords('  Heltid   ØKONOMI ')).toEqual(['heltid', 'økonomi']);
		expect(searchWords('')).toEqual([]);
		expect(searchWords('a b c d e f g h i j')).toHaveLength(8);
	});

	it('escapes LIKE wildcards', () => {
		expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
	});
});
