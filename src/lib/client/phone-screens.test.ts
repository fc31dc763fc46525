import { describe, expect, it } from 'vitest';
import { phoneView, type AgendaState, type CurrentItem } from '$lib/domain/agenda';
import type { ViewPack } from '$lib/components/content/view-pack';
import { loadScreens, screensFor, shownQuestion } from './phone-screens';

const pack = {
	questions: [{ id: 'ks-spor-1', number: 1, themeId: 't', text: 'Sentralt eller lokalt?' }]
} as unknown as ViewPack;

function viewAt(stage: AgendaState['stage'], item: CurrentItem = { type: 'none' }) {
	return phoneView({ stage, item, locked: false, version: 1 });
}

describe('screensFor', () => {
	it('needs no lazily loaded screen while waiting, at the end, or before the page knows', () => {
		expect(screensFor(viewAt('lobby', { type: 'card', cardId: 'c1' }), pack)).toEqual([]);
		expect(screensFor(viewAt('plenary'), pack)).toEqual([]);
		expect(screensFor(viewAt('ended'), pack)).toEqual([]);
		expect(screensFor(null, pack)).toEqual([]);
	});

	it('loads the deck at the table, also with a card shown on the projector', () => {
		expect(screensFor(viewAt('table'), pack)).toEqual(['deck']);
		expect(screensFor(viewAt('table', { type: 'card', cardId: 'c1' }), pack)).toEqual(['deck']);
	});

	it('loads the ballots for a known question, at a table too, and the item view otherwise', () => {
		const question = { type: 'question', questionId: 'ks-spor-1' } as const;
		expect(screensFor(viewAt('individual', question), pack)).toEqual(['ballots']);
		expect(screensFor(viewAt('table', question), pack)).toEqual(['ballots']);
		const unknown = { type: 'question', questionId: 'ks-spor-9' } as const;
		expect(screensFor(viewAt('plenary', unknown), pack)).toEqual(['item']);
		expect(screensFor(viewAt('plenary', question), null)).toEqual(['item']);
		expect(screensFor(viewAt('plenary', { type: 'fact', factId: 'f1' }), pack)).toEqual(['item']);
	});

	it('adds the results chart once a result of the question is revealed, and only then', () => {
		const question = { type: 'question', questionId: 'ks-spor-1' } as const;
		const view = viewAt('plenary', question);
		expect(screensFor(view, pack, true)).toEqual(['ballots', 'results']);
		expect(screensFor(view, pack, false)).toEqual(['ballots']);
		expect(screensFor(viewAt('table'), pack, true)).toEqual(['deck']);
	});
});

describe('shownQuestion', () => {
	it('finds the shown question in the pack, and nothing for other items', () => {
		const view = viewAt('plenary', { type: 'question', questionId: 'ks-spor-1' });
		expect(shownQuestion(view, pack)?.text).toBe('Sentralt eller lokalt?');
		expect(shownQuestion(viewAt('plenary', { type: 'fact', factId: 'f1' }), pack)).toBeNull();
		expect(shownQuestion(viewAt('table'), pack)).toBeNull();
	});
});

describe('loadScreens', () => {
	// A long timeout: compiling the components on a cold cache takes seconds on this machine.
	it('loads exactly the named screens’ components', async () => {
		const screens = await loadScreens(['deck', 'ballots']);
		expect(Object.keys(screens).sort()).toEqual(['ballots', 'deck']);
		expect(typeof screens.deck).toBe('function');
		expect(typeof screens.ballots).toBe('function');
		expect(await loadScreens([])).toEqual({});
	}, 60_000);
});
