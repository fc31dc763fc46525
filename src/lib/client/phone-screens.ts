import type { PhoneView } from '$lib/domain/agenda';
import type { ViewPack } from '$lib/components/content/view-pack';

/**
 * The phone page's screens that load their code only when shown: a phone on a weak line
 * downloads the deck, the ballots (and, once revealed, their results) or a booklet item when the
 * facilitator moves there, not all of them on the first visit.
 */
const loaders = {
	deck: () => import('$lib/components/table/TableDeck.svelte'),
	ballots: () => import('$lib/components/voting/QuestionBallots.svelte'),
	results: () => import('$lib/components/voting/ResultChart.svelte'),
	item: () => import('$lib/components/CurrentItem.svelte')
};

export type ScreenName = keyof typeof loaders;
export type Screens = {
	[K in ScreenName]?: Awaited<ReturnType<(typeof loaders)[K]>>['default'];
};

/** The "KS spør" question the phone shows now, found in the conference's content. */
export function shownQuestion(view: PhoneView | null, pack: ViewPack | null) {
	if (view?.screen !== 'item' || view.item.type !== 'question') {
		return null;
	}
	const id = view.item.questionId;
	return pack?.questions.find((q) => q.id === id) ?? null;
}

/**
 * The lazily loaded screens a phone view needs: a known question shows its ballots, and their
 * results once some are `revealed` to this phone.
 */
export function screensFor(
	view: PhoneView | null,
	pack: ViewPack | null,
	revealed = false
): ScreenName[] {
	if (view?.screen === 'deck') {
		return ['deck'];
	}
	if (view?.screen !== 'item') {
		return [];
	}
	if (!shownQuestion(view, pack)) {
		return ['item'];
	}
	return revealed ? ['ballots', 'results'] : ['ballots'];
}

/** Loads the named screens' components. */
export async function loadScreens(names: readonly ScreenName[]): Promise<Screens> {
	const loaded = await Promise.all(
		names.map(async (name) => [name, (await loaders[name]()).default] as const)
	);
	return Object.fromEntries(loaded) as Screens;
}

/** Fetches every screen's code ahead, e.g. while the join form is filled in. */
export function preloadScreens(): Promise<Screens> {
	return loadScreens(Object.keys(loaders) as ScreenName[]);
}
