import { describe, expect, it } from 'vitest';
import { parsePack } from '$lib/content/parse';
import { fixtureFiles } from '$lib/content/pack-fixture';
import { byId, pickByIds, toViewPack } from './view-pack';

describe('toViewPack', () => {
	it('keeps what screens show and drops editors’ notes and source line references', () => {
		const parsed = parsePack(fixtureFiles());
		if (!parsed.ok) {
			throw new Error(JSON.stringify(parsed.problems));
		}
		const view = toViewPack(parsed.pack);
		const json = JSON.stringify(view);
		expect(json).not.toMatch(/"(notes?|sourceRef|ballots|file)"/);
		expect(view.title).toBe(parsed.pack.meta.title);
		expect(view.sections.map((s) => s.id)).toEqual(parsed.pack.sections.map((s) => s.id));
		expect(view.deck.cards).toHaveLength(parsed.pack.deck.cards.length);
		expect(view.questions[0]).toEqual({
			id: parsed.pack.questions[0]!.id,
			number: parsed.pack.questions[0]!.number,
			themeId: parsed.pack.questions[0]!.themeId,
			text: parsed.pack.questions[0]!.text,
			// Only the ids, in the question's order: polls are shown in it.
			ballotIds: parsed.pack.questions[0]!.ballots.map((b) => b.id)
		});
	});
});

describe('byId and pickByIds', () => {
	const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
	it('find items by id, in the order asked, skipping unknown ids', () => {
		expect(byId(items, 'b')).toEqual({ id: 'b' });
		expect(byId(items, 'x')).toBeUndefined();
		expect(pickByIds(items, ['c', 'x', 'a'])).toEqual([{ id: 'c' }, { id: 'a' }]);
		expect(pickByIds(items, undefined)).toEqual([]);
	});
});
