import type { ParticipantRole } from '$lib/domain/participant-role';
import type { ReportData, ReportText } from '$lib/components/nation/report/types';
import { AppError } from '../errors';
import type { DbOrTx } from '../db';
import { participantCounts } from '../db/queries/nation';
import { roundNotes } from '../db/queries/export';
import {
	answerTexts,
	tableAnswerTexts,
	type TextFilter,
	type TextItem
} from '../db/queries/nation-texts';
import { packById } from './content';
import { buildView, readRound, requireRound } from './nation';

/** How many of the most upvoted answers per ballot the national report quotes. */
export const NATION_QUOTES = 10;
const MAX_TEXTS = 50_000;

/**
 * Everything a printable report needs, for one county or (regionId null) the nation, computed
 * from the stored votes now. Only visible (not hidden) answers are quoted.
 */
export async function reportData(
	db: DbOrTx,
	roundId: string,
	regionId: string | null,
	roles: ParticipantRole[] | null
): Promise<ReportData> {
	const data = await readRound(db, roundId);
	if (regionId && !data.regions.some((r) => r.id === regionId)) {
		throw new AppError('not_found', 'Fylket finnes ikke i runden.');
	}
	const view = await buildView(data, { roles, weighting: 'participant' });
	const equal = await buildView(data, { roles, weighting: 'region-equal' });
	const filter: TextFilter = {
		regionId: regionId ?? undefined,
		words: [],
		state: 'visible',
		types: ['answer', 'table-answer']
	};
	const [answers, tableAnswers, notes, people] = await Promise.all([
		answerTexts(db, roundId, filter, MAX_TEXTS),
		tableAnswerTexts(db, roundId, filter, MAX_TEXTS),
		regionId ? roundNotes(db, roundId, regionId) : Promise.resolve([]),
		participantCounts(db, roundId)
	]);
	const { texts, textCounts } = quotes([...answers, ...tableAnswers], regionId === null);
	const byRole: Record<string, number> = {};
	for (const row of people.filter((p) => !regionId || p.regionId === regionId)) {
		byRole[row.role] = (byRole[row.role] ?? 0) + row.n;
	}
	return {
		view,
		nationEqual: Object.fromEntries(
			equal.questions.flatMap((q) => q.ballots.map((b) => [b.ballot.id, b.nation]))
		),
		texts,
		textCounts,
		notes: notes.map(({ text, tableNumber, cardId, conference }) => ({
			text,
			tableNumber,
			cardId,
			conference
		})),
		participants: { total: Object.values(byRole).reduce((a, b) => a + b, 0), byRole },
		packTitle: data.pack?.meta.title ?? null,
		generatedAt: Date.now()
	};
}

/** Answers by ballot; for the nation only the most upvoted few (they come most upvoted first). */
function quotes(items: Omit<TextItem, 'total'>[], topOnly: boolean) {
	const texts: Record<string, ReportText[]> = {};
	const textCounts: Record<string, number> = {};
	for (const item of items) {
		const ballotId = item.ballotId ?? '';
		textCounts[ballotId] = (textCounts[ballotId] ?? 0) + 1;
		const list = (texts[ballotId] ??= []);
		if (!topOnly || list.length < NATION_QUOTES) {
			list.push({
				text: item.text,
				regionId: item.regionId,
				tableNumber: item.tableNumber,
				upvotes: item.upvotes,
				type: item.type === 'table-answer' ? 'table-answer' : 'answer'
			});
		}
	}
	return { texts, textCounts };
}

/** A report page's data: the report, and the deck cards and themes its notes refer to. */
export async function reportPage(
	db: DbOrTx,
	roundId: string,
	regionId: string | null,
	roles: ParticipantRole[] | null
) {
	const report = await reportData(db, roundId, regionId, roles);
	const round = await requireRound(db, roundId);
	const pack = await packById(db, round.contentPackId);
	const usedCards = new Set(report.notes.map((n) => n.cardId));
	return {
		report,
		regionId,
		cards: (pack?.deck.cards ?? [])
			.filter((card) => usedCards.has(card.id))
			.map(({ id, number, text, themeId }) => ({ id, number, text, themeId })),
		deckThemes: (pack?.deck.themes ?? []).map(({ id, title }) => ({ id, title }))
	};
}
