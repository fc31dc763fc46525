import { allowStaff } from '$lib/server/auth/page-guard';
import { getRuntime } from '$lib/server/runtime';
import { packById } from '$lib/server/services/content';
import { packQuestions, requireRound } from '$lib/server/services/nation';
import { parseTextQuery, roundTexts } from '$lib/server/services/nation-texts';
import { roundRegions } from '$lib/server/db/queries/nation';
import { orNotFound } from '$lib/server/round-page';

export const load = async (event) => {
	await allowStaff(event, 'nation:view');
	const { db } = getRuntime().database;
	const roundId = event.params.roundId;
	const round = await orNotFound(() => requireRound(db, roundId));
	const query = parseTextQuery(event.url.searchParams);
	const [regions, pack, found] = await Promise.all([
		roundRegions(db, roundId),
		packById(db, round.contentPackId),
		roundTexts(db, roundId, query)
	]);
	const usedCards = new Set(found.items.map((item) => item.cardId));
	return {
		round: { id: round.id, name: round.name },
		regions,
		themes: (pack?.meta.themes ?? []).map(({ id, title }) => ({ id, title })),
		questions: packQuestions(pack).map((q) => ({
			id: q.id,
			number: q.number,
			themeId: q.themeId,
			text: q.text,
			ballots: q.ballots.map((b) => ({ id: b.id, title: b.title }))
		})),
		deckThemes: (pack?.deck.themes ?? []).map(({ id, title }) => ({ id, title })),
		cards: (pack?.deck.cards ?? [])
			.filter((card) => usedCards.has(card.id))
			.map(({ id, number, themeId }) => ({ id, number, themeId })),
		query,
		...found
	};
};
