import { describe, expect, it } from 'vitest';
import { parsePack } from '$lib/content/parse';
import { fixtureFiles } from '$lib/content/pack-fixture';
import { toViewPack } from './view-pack';

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
		// Markdown arrives rendered: phones carry no Markdown parser.
		const withText = parsed.pack.sections.findIndex((s) => s.body.trim() !== '');
		expect(view.sections[withText]!.bodyHtml).toMatch(/^<(p|h2|ul|ol)>/);
		expect(view.sections[withText]).not.toHaveProperty('body');
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

	it('is made once per pack', () => {
		const parsed = parsePack(fixtureFiles());
		if (!parsed.ok) {
			throw new Error(JSON.stringify(parsed.problems));
		}
		expect(toViewPack(parsed.pack)).toBe(toViewPack(parsed.pack));
	});
});
