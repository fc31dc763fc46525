import type { ContentPack } from '$lib/content/schema';
import type { ViewPack } from '$lib/components/content/view-pack';
import { renderMarkdown } from './markdown';

const made = new WeakMap<ContentPack, ViewPack>();

/** The screen-side slice of `pack`; made once per (cached) pack, as it renders its Markdown. */
export function toViewPack(pack: ContentPack): ViewPack {
	let view = made.get(pack);
	if (!view) {
		view = makeViewPack(pack);
		made.set(pack, view);
	}
	return view;
}

function makeViewPack(pack: ContentPack): ViewPack {
	const { meta, deck } = pack;
	return {
		title: meta.title,
		language: meta.language,
		themes: meta.themes.map(({ id, title }) => ({ id, title })),
		sections: pack.sections.map(({ notes: _n, sourceRef: _s, file: _f, body, ...section }) => ({
			...section,
			bodyHtml: body.trim() === '' ? '' : renderMarkdown(body, 1)
		})),
		deck: {
			title: deck.title,
			intro: deck.intro,
			groups: deck.groups,
			themes: deck.themes.map(({ sourceRef: _s, ...theme }) => theme),
			cards: deck.cards.map(({ id, number, themeId, text }) => ({ id, number, themeId, text }))
		},
		factThemes: pack.factThemes,
		facts: pack.facts.map(({ note: _n, sourceRef: _s, ...fact }) => fact),
		tables: pack.tables.map(({ note: _n, sourceRef: _s, ...table }) => table),
		questions: pack.questions.map(({ id, number, themeId, text, ballots }) => ({
			id,
			number,
			themeId,
			text,
			ballotIds: ballots.map((b) => b.id)
		}))
	};
}
