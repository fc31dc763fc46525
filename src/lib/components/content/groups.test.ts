import { describe, expect, it } from 'vitest';
import { chartsBesideFacts, deckByTheme, factsByTheme, sectionsByTheme } from './groups';
import type { ViewDeck, ViewFact, ViewSection } from './view-pack';

const fact = (id: string, themeIds?: string[]): ViewFact => ({
	id,
	text: id,
	year: 2022,
	source: 'KS',
	themeIds
});

describe('factsByTheme', () => {
	it('lists each fact once, under its first theme, with the unthemed last', () => {
		const groups = factsByTheme({
			factThemes: [
				{ id: 'lonn', title: 'Lønn' },
				{ id: 'heltid', title: 'Heltid' },
				{ id: 'tom', title: 'Tom' }
			],
			facts: [fact('a', ['heltid', 'lonn']), fact('b', ['lonn']), fact('c')]
		});
		expect(groups.map((g) => [g.theme?.id, g.facts.map((f) => f.id)])).toEqual([
			['lonn', ['b']],
			['heltid', ['a']],
			[undefined, ['c']]
		]);
	});
});

describe('deckByTheme', () => {
	it('orders cards by number within theme and group, leaving out empty themes', () => {
		const deck: ViewDeck = {
			title: 'Kortstokk',
			groups: [
				{ id: 'g1', title: 'G1' },
				{ id: 'g2', title: 'G2' }
			],
			themes: [
				{ id: 't1', title: 'T1', groupId: 'g1', colour: '#1d4e89' },
				{ id: 't2', title: 'T2', groupId: 'g1', colour: '#1d4e89' },
				{ id: 't3', title: 'T3', groupId: 'g2', colour: '#1d4e89' }
			],
			cards: [
				{ id: 'k3', number: 3, themeId: 't1', text: 'c' },
				{ id: 'k1', number: 1, themeId: 't1', text: 'a' },
				{ id: 'k2', number: 2, themeId: 't3', text: 'b' }
			]
		};
		const groups = deckByTheme(deck);
		expect(groups.map((g) => g.id)).toEqual(['g1', 'g2']);
		expect(groups[0]!.themes.map((t) => t.theme.id)).toEqual(['t1']);
		expect(groups[0]!.themes[0]!.cards.map((c) => c.number)).toEqual([1, 3]);
	});
});

describe('chartsBesideFacts', () => {
	it('charts each table once, beside the first fact that shows it', () => {
		const facts = [fact('a'), { ...fact('b'), tableId: 't' }, { ...fact('c'), tableId: 't' }];
		expect(chartsBesideFacts(facts)).toEqual({ b: 't' });
	});
});

describe('sectionsByTheme', () => {
	const section = (id: string, theme: string): ViewSection => ({
		id,
		order: 1,
		title: id,
		theme,
		bodyHtml: ''
	});
	it('runs consecutive sections of one theme together, keeping the booklet order', () => {
		const runs = sectionsByTheme({
			themes: [
				{ id: 'intro', title: 'Forord' },
				{ id: 'tariff', title: 'Tariff' }
			],
			sections: [section('a', 'intro'), section('b', 'tariff'), section('c', 'tariff')]
		});
		expect(runs.map((r) => [r.theme?.title, r.sections.map((s) => s.id)])).toEqual([
			['Forord', ['a']],
			['Tariff', ['b', 'c']]
		]);
	});
});
