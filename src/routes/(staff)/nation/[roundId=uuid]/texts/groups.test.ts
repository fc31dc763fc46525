import { describe, expect, it } from 'vitest';
import { groupTexts, type GroupedText, type TextContext } from './groups';

const context: TextContext = {
	themes: [
		{ id: 'tariff', title: 'Hovedtariffoppgjøret' },
		{ id: 'trust', title: 'Tillitsreform' }
	],
	questions: [
		{ id: 'q4', number: 4, themeId: 'trust' },
		{ id: 'q1', number: 1, themeId: 'tariff' }
	],
	regions: [
		{ id: 'agder', name: 'Agder' },
		{ id: 'oslo', name: 'Oslo' }
	],
	cards: new Map([['card-7', 'values']]),
	deckThemes: [{ id: 'values', title: 'Verdier' }],
	labels: {
		notes: 'Bordnotater',
		noCard: 'Uten kort',
		question: (n) => `KS spør ${n}`,
		unknown: 'Ukjent'
	}
};

const item = (
	type: GroupedText['type'],
	regionId: string,
	questionId: string | null,
	cardId: string | null = null
) => ({ type, regionId, questionId, cardId });

const items = [
	item('note', 'oslo', null, null),
	item('answer', 'oslo', 'q4'),
	item('answer', 'agder', 'q1'),
	item('table-answer', 'oslo', 'q1'),
	item('note', 'agder', null, 'card-7')
];

describe('groupTexts', () => {
	it('groups by the booklet themes, then question; notes last, by card theme', () => {
		const groups = groupTexts(items, context, 'theme');
		expect(groups.map((g) => g.title)).toEqual([
			'Hovedtariffoppgjøret',
			'Tillitsreform',
			'Bordnotater'
		]);
		expect(groups[0]!.groups.map((g) => [g.title, g.items.length])).toEqual([['KS spør 1', 2]]);
		expect(groups[2]!.groups.map((g) => g.title)).toEqual(['Verdier', 'Uten kort']);
	});

	it('groups by county, then question', () => {
		const groups = groupTexts(items, context, 'county');
		expect(groups.map((g) => g.title)).toEqual(['Agder', 'Oslo']);
		expect(groups[1]!.groups.map((g) => g.title)).toEqual(['KS spør 1', 'KS spør 4', 'Uten kort']);
	});

	it('groups by question in booklet order, then county', () => {
		const groups = groupTexts(items, context, 'question');
		expect(groups.map((g) => g.title)).toEqual(['KS spør 1', 'KS spør 4', 'Bordnotater']);
		expect(groups[0]!.groups.map((g) => g.title)).toEqual(['Agder', 'Oslo']);
	});
});
