import { searchWords } from '$lib/domain/grouping';
import type { DbOrTx } from '../db';
import {
	answerTexts,
	noteTexts,
	tableAnswerTexts,
	type TextFilter,
	type TextItem,
	type TextType
} from '../db/queries/nation-texts';

export const TEXT_TYPES: TextType[] = ['answer', 'table-answer', 'note'];

/** Most items one page shows; a narrower search shows the rest. */
export const TEXT_LIMIT = 500;

export interface TextQuery {
	search: string;
	regionId: string;
	questionId: string;
	state: '' | 'visible' | 'hidden';
	type: '' | TextType;
	group: 'theme' | 'county' | 'question';
}

/** The reading page's choices from its address; anything unknown falls back to "all". */
export function parseTextQuery(params: URLSearchParams): TextQuery {
	const state = params.get('state');
	const type = params.get('type') ?? '';
	const group = params.get('group');
	const id = (value: string | null) => (value && /^[\w-]{1,100}$/.test(value) ? value : '');
	return {
		search: (params.get('q') ?? '').slice(0, 200),
		regionId: id(params.get('region')),
		questionId: id(params.get('question')),
		state: state === 'visible' || state === 'hidden' ? state : '',
		type: (TEXT_TYPES as string[]).includes(type) ? (type as TextType) : '',
		group: group === 'county' || group === 'question' ? group : 'theme'
	};
}

/** The round's texts that match, each kind up to the limit, with how many matched in all. */
export async function roundTexts(db: DbOrTx, roundId: string, query: TextQuery) {
	const filter: TextFilter = {
		regionId: query.regionId || undefined,
		questionId: query.questionId || undefined,
		words: searchWords(query.search),
		state: query.state || undefined,
		types: query.type ? [query.type] : TEXT_TYPES
	};
	const wanted = (type: TextType) => filter.types.includes(type);
	const none = Promise.resolve([] as TextItem[]);
	const lists = await Promise.all([
		wanted('answer') ? answerTexts(db, roundId, filter, TEXT_LIMIT) : none,
		wanted('table-answer') ? tableAnswerTexts(db, roundId, filter, TEXT_LIMIT) : none,
		wanted('note') ? noteTexts(db, roundId, filter, TEXT_LIMIT) : none
	]);
	const items: TextItem[] = lists.flat();
	const total = lists.reduce((sum, list) => sum + (list[0]?.total ?? 0), 0);
	return { items, total, truncated: total > items.length };
}
