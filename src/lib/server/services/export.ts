import { randomInt } from 'node:crypto';
import { m } from '$lib/paraglide/messages';
import type { Ballot } from '$lib/domain/ballots/types';
import { describeVote } from '$lib/domain/vote-text';
import type { ContentPack } from '$lib/content/schema';
import type { DbOrTx } from '../db';
import {
	roundNotes,
	roundPolls,
	roundTableAnswers,
	roundVotes,
	upvoteCounts,
	type ExportPoll
} from '../db/queries/export';
import { packById } from './content';
import { requireRound } from './nation';

/** One vote or text input, anonymous: where, when and what, never who. */
export interface ExportRow {
	type: 'vote' | 'table-answer' | 'note';
	conference: string;
	county: string;
	countyCode: string;
	municipalityCode: string | null;
	municipality: string | null;
	role: string | null;
	table: number | null;
	theme: string | null;
	question: number | null;
	questionId: string | null;
	ballotId: string | null;
	ballot: string | null;
	kind: string | null;
	answer: string;
	answerCode: string;
	value: number | null;
	moderation: 'visible' | 'hidden' | null;
	upvotes: number | null;
	card: string | null;
	/** A pseudonym that holds for this one export only, so one person's answers can be read together. */
	respondent: string | null;
	createdAt: Date;
	updatedAt: Date;
}

export const EXPORT_COLUMNS = [
	'type',
	'conference',
	'county',
	'countyCode',
	'municipalityCode',
	'municipality',
	'role',
	'table',
	'theme',
	'question',
	'questionId',
	'ballotId',
	'ballot',
	'kind',
	'answer',
	'answerCode',
	'value',
	'moderation',
	'upvotes',
	'card',
	'respondent',
	'createdAt',
	'updatedAt'
] as const satisfies readonly (keyof ExportRow)[];

/** Every vote, table answer and table note of the round, as export rows. */
export async function exportRows(db: DbOrTx, roundId: string) {
	const round = await requireRound(db, roundId);
	const [pack, polls, cast, answers, notes] = await Promise.all([
		packById(db, round.contentPackId),
		roundPolls(db, roundId),
		roundVotes(db, roundId),
		roundTableAnswers(db, roundId),
		roundNotes(db, roundId)
	]);
	const upvotes = await upvoteCounts(
		db,
		cast.filter((v) => (v.value as { kind?: string }).kind === 'text').map((v) => v.voteId)
	);
	const pollOf = new Map(polls.map((poll) => [poll.id, poll]));
	const asked = askedIn(pack);
	const pseudonyms = pseudonymsFor(cast.map((vote) => vote.participantId));
	const rows: ExportRow[] = [];
	for (const vote of cast) {
		const poll = pollOf.get(vote.pollId)!;
		const said = describeVote(poll.ballot, vote.value);
		rows.push({
			...where(vote),
			type: 'vote',
			municipalityCode: vote.municipalityCode,
			municipality: vote.municipality,
			role: vote.role,
			table: vote.tableNumber,
			...ballotColumns(poll, asked),
			answer: said.answer,
			answerCode: said.code,
			value: said.number,
			moderation: isText(poll.ballot) ? (vote.hidden ? 'hidden' : 'visible') : null,
			upvotes: poll.ballot.kind === 'text' ? (upvotes.get(vote.voteId) ?? 0) : null,
			card: null,
			respondent: pseudonyms.get(vote.participantId) ?? null,
			createdAt: vote.createdAt,
			updatedAt: vote.updatedAt
		});
	}
	for (const answer of answers) {
		const poll = pollOf.get(answer.pollId)!;
		rows.push({
			...where(answer),
			...nobody(answer.tableNumber),
			type: 'table-answer',
			...ballotColumns(poll, asked),
			answer: answer.text,
			answerCode: '',
			value: null,
			moderation: answer.hidden ? 'hidden' : 'visible',
			upvotes: null,
			card: null,
			createdAt: answer.updatedAt,
			updatedAt: answer.updatedAt
		});
	}
	const cards = cardsOf(pack);
	for (const note of notes) {
		const card = note.cardId ? cards.get(note.cardId) : undefined;
		rows.push({
			...where(note),
			...nobody(note.tableNumber),
			type: 'note',
			theme: card?.theme ?? null,
			question: null,
			questionId: null,
			ballotId: null,
			ballot: null,
			kind: null,
			answer: note.text,
			answerCode: '',
			value: null,
			moderation: null,
			upvotes: null,
			card: card ? String(card.number) : note.cardId,
			createdAt: note.createdAt,
			updatedAt: note.updatedAt
		});
	}
	return { round, rows };
}

function where(row: { conference: string; region: string; regionCode: string }) {
	return { conference: row.conference, county: row.region, countyCode: row.regionCode };
}

/** Table answers and notes are the table's: no one person, municipality or role. */
function nobody(table: number) {
	return { municipalityCode: null, municipality: null, role: null, table, respondent: null };
}

function isText(ballot: Ballot) {
	return ballot.kind === 'text' || ballot.kind === 'table';
}

type Asked = Map<string, { number: number; theme: string | null }>;

function askedIn(pack: ContentPack | undefined): Asked {
	const themes = new Map((pack?.meta.themes ?? []).map((t) => [t.id, t.title]));
	return new Map(
		(pack?.questions ?? []).map((q) => [
			q.id,
			{ number: q.number, theme: themes.get(q.themeId) ?? null }
		])
	);
}

function ballotColumns(poll: ExportPoll, asked: Asked) {
	const question = asked.get(poll.questionId);
	return {
		theme: question?.theme ?? null,
		question: question?.number ?? null,
		questionId: poll.questionId,
		ballotId: poll.ballotId,
		ballot: poll.ballot.title,
		kind: poll.ballot.kind
	};
}

function cardsOf(pack: ContentPack | undefined) {
	const themes = new Map((pack?.deck.themes ?? []).map((t) => [t.id, t.title]));
	return new Map(
		(pack?.deck.cards ?? []).map((card) => [
			card.id,
			{ number: card.number, theme: themes.get(card.themeId) ?? null }
		])
	);
}

/**
 * Pseudonyms for this export only: participants in a random order, numbered. Nothing is derived
 * from their ids, so two exports cannot be linked and the ids cannot be worked back.
 */
export function pseudonymsFor(participantIds: readonly string[], random = randomInt) {
	const ids = [...new Set(participantIds)];
	for (let i = ids.length - 1; i > 0; i--) {
		const j = random(i + 1);
		[ids[i], ids[j]] = [ids[j]!, ids[i]!];
	}
	const width = Math.max(4, String(ids.length).length);
	return new Map(ids.map((id, i) => [id, `D${String(i + 1).padStart(width, '0')}`]));
}

/** Column headings in the reader's language. */
export function columnTitles(): Record<(typeof EXPORT_COLUMNS)[number], string> {
	return {
		type: m.export_col_type(),
		conference: m.export_col_conference(),
		county: m.export_col_county(),
		countyCode: m.export_col_county_code(),
		municipalityCode: m.export_col_municipality_code(),
		municipality: m.export_col_municipality(),
		role: m.export_col_role(),
		table: m.export_col_table(),
		theme: m.export_col_theme(),
		question: m.export_col_question(),
		questionId: m.export_col_question_id(),
		ballotId: m.export_col_ballot_id(),
		ballot: m.export_col_ballot(),
		kind: m.export_col_kind(),
		answer: m.export_col_answer(),
		answerCode: m.export_col_answer_code(),
		value: m.export_col_value(),
		moderation: m.export_col_moderation(),
		upvotes: m.export_col_upvotes(),
		card: m.export_col_card(),
		respondent: m.export_col_respondent(),
		createdAt: m.export_col_created(),
		updatedAt: m.export_col_updated()
	};
}

/** Words for the coded cells, in the reader's language. */
export function cellWords() {
	return {
		type: {
			vote: m.export_type_vote(),
			'table-answer': m.export_type_table_answer(),
			note: m.export_type_note()
		},
		moderation: { visible: m.export_moderation_visible(), hidden: m.export_moderation_hidden() }
	};
}
