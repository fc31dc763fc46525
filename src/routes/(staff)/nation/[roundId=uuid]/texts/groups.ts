import { groupInOrder } from '$lib/domain/grouping';

/** The texts of the reading page in two levels of groups: by theme, county or question. */

interface Named {
	id: string;
	title: string;
}

export interface GroupedText {
	type: 'answer' | 'table-answer' | 'note';
	regionId: string;
	questionId: string | null;
	cardId: string | null;
}

export interface TextContext {
	/** The booklet's themes, in order. */
	themes: Named[];
	questions: { id: string; number: number; themeId: string }[];
	regions: { id: string; name: string }[];
	/** Deck cards: their theme, for grouping the tables' notes. */
	cards: Map<string, string>;
	deckThemes: Named[];
	labels: { notes: string; noCard: string; question: (number: number) => string; unknown: string };
}

export interface TextGroup<T> {
	key: string;
	title: string;
	groups: { key: string; title: string; items: T[] }[];
}

type Level = 'theme' | 'question' | 'county' | 'card';

const NOTES = 'notes';

export function groupTexts<T extends GroupedText>(
	items: readonly T[],
	context: TextContext,
	by: 'theme' | 'county' | 'question'
): TextGroup<T>[] {
	const levels: Record<typeof by, [Level, Level]> = {
		theme: ['theme', 'question'],
		county: ['county', 'question'],
		question: ['question', 'county']
	};
	const [outer, inner] = levels[by];
	const namer = names(context);
	return groupInOrder(items, (item) => keyOf(item, outer, context), namer.order(outer)).map(
		(group) => ({
			key: group.key,
			title: namer.title(outer, group.key),
			groups: groupInOrder(
				group.items,
				(item) =>
					keyOf(item, item.type === 'note' && inner === 'question' ? 'card' : inner, context),
				[...namer.order(inner), ...namer.order('card')]
			).map((sub) => ({
				key: sub.key,
				title: namer.title(sub.key.startsWith('card:') ? 'card' : inner, sub.key),
				items: sub.items
			}))
		})
	);
}

function keyOf(item: GroupedText, level: Level, context: TextContext): string {
	switch (level) {
		case 'county':
			return item.regionId;
		case 'question':
			return item.questionId ?? NOTES;
		case 'theme': {
			const question = context.questions.find((q) => q.id === item.questionId);
			return item.type === 'note' ? NOTES : (question?.themeId ?? '');
		}
		case 'card':
			return `card:${(item.cardId && context.cards.get(item.cardId)) || ''}`;
	}
}

function names(context: TextContext) {
	const byNumber = [...context.questions].sort((a, b) => a.number - b.number);
	const order = (level: Level): string[] => {
		switch (level) {
			case 'county':
				return context.regions.map((r) => r.id);
			case 'question':
				return [...byNumber.map((q) => q.id), NOTES];
			case 'theme':
				return [...context.themes.map((t) => t.id), NOTES];
			case 'card':
				return [...context.deckThemes.map((t) => `card:${t.id}`), 'card:'];
		}
	};
	const title = (level: Level, key: string): string => {
		const { labels } = context;
		if (key === NOTES) {
			return labels.notes;
		}
		switch (level) {
			case 'county':
				return context.regions.find((r) => r.id === key)?.name ?? labels.unknown;
			case 'question': {
				const question = context.questions.find((q) => q.id === key);
				return question ? labels.question(question.number) : labels.unknown;
			}
			case 'theme':
				return context.themes.find((t) => t.id === key)?.title ?? labels.unknown;
			case 'card':
				return context.deckThemes.find((t) => `card:${t.id}` === key)?.title ?? labels.noCard;
		}
	};
	return { order, title };
}
