import { contrastWithWhite, MIN_CONTRAST } from './contrast';
import { dangling, unique, type Parts, type Report } from './parts';
import { checkQuestions } from './question-checks';
import type { Problem } from './schema';
import { checkSourceRefs } from './source-refs';

export type { Parts } from './parts';

/** Checks what spans files or items: unique ids, references, source refs, ballots, colours. */
export function checkReferences(parts: Parts): Problem[] {
	const problems: Problem[] = [];
	const report: Report = (file, field, message) => problems.push({ file, field, message });
	checkMeta(parts, report);
	checkDeck(parts, report);
	checkFacts(parts, report);
	checkTables(parts, report);
	checkQuestions(parts, report);
	checkSections(parts, report);
	checkSourceRefs(parts, report);
	return problems;
}

function checkMeta({ meta, files }: Parts, report: Report) {
	const at = (field: string, message: string) => report(files.meta, field, message);
	unique(
		at,
		meta.themes,
		(t) => t.id,
		(i) => `themes.${i}.id`
	);
	unique(
		at,
		meta.sources,
		(s) => s.id,
		(i) => `sources.${i}.id`
	);
}

function checkDeck(parts: Parts, report: Report) {
	const { deck } = parts;
	const at = (field: string, message: string) => report(parts.files.deck, field, message);
	unique(
		at,
		deck.groups,
		(g) => g.id,
		(i) => `groups.${i}.id`
	);
	unique(
		at,
		deck.themes,
		(t) => t.id,
		(i) => `themes.${i}.id`
	);
	unique(
		at,
		deck.cards,
		(c) => c.id,
		(i) => `cards.${i}.id`
	);
	unique(
		at,
		deck.cards,
		(c) => c.number,
		(i) => `cards.${i}.number`
	);
	deck.themes.forEach((theme, i) => {
		if (dangling(parts, 'deckGroups', theme.groupId)) {
			at(`themes.${i}.groupId`, `unknown group "${theme.groupId}"`);
		}
		const ratio = contrastWithWhite(theme.colour);
		if (ratio < MIN_CONTRAST) {
			at(`themes.${i}.colour`, `white text reaches ${ratio.toFixed(2)}:1, needs ${MIN_CONTRAST}:1`);
		}
	});
	deck.cards.forEach((card, i) => {
		if (dangling(parts, 'deckThemes', card.themeId)) {
			at(`cards.${i}.themeId`, `unknown theme "${card.themeId}"`);
		}
	});
}

function checkFacts(parts: Parts, report: Report) {
	const at = (field: string, message: string) => report(parts.files.facts, field, message);
	unique(
		at,
		parts.factThemes,
		(t) => t.id,
		(i) => `themes.${i}.id`
	);
	unique(
		at,
		parts.facts,
		(f) => f.id,
		(i) => `facts.${i}.id`
	);
	parts.facts.forEach((fact, i) => {
		fact.themeIds?.forEach((id, j) => {
			if (dangling(parts, 'factThemes', id)) {
				at(`facts.${i}.themeIds.${j}`, `unknown theme "${id}"`);
			}
		});
		if (fact.tableId && dangling(parts, 'tables', fact.tableId)) {
			at(`facts.${i}.tableId`, `unknown table "${fact.tableId}"`);
		}
	});
}

function checkTables(parts: Parts, report: Report) {
	const at = (field: string, message: string) => report(parts.files.tables, field, message);
	unique(
		at,
		parts.tables,
		(t) => t.id,
		(i) => `tables.${i}.id`
	);
	parts.tables.forEach((table, i) => {
		unique(
			at,
			table.columns,
			(c) => c.id,
			(j) => `tables.${i}.columns.${j}.id`
		);
		table.rows.forEach((row, j) => {
			if (row.values.length !== table.columns.length) {
				const needs = `needs ${table.columns.length}, one per column`;
				at(`tables.${i}.rows.${j}.values`, `has ${row.values.length} values, ${needs}`);
			}
		});
	});
}

function checkSections(parts: Parts, report: Report) {
	const { sections } = parts;
	const bySection = (i: number) => sections[i]?.file ?? '';
	const again = (field: string) => (file: string) =>
		report(file, field, `another section has the same ${field}`);
	unique(again('order'), sections, (s) => s.order, bySection);
	unique(again('id'), sections, (s) => s.id, bySection);
	const lists = { facts: 'facts', tables: 'tables', questions: 'questions' } as const;
	for (const section of sections) {
		if (dangling(parts, 'packThemes', section.theme)) {
			report(section.file, 'theme', `unknown theme "${section.theme}"`);
		}
		for (const kind of Object.keys(lists) as (keyof typeof lists)[]) {
			section[kind]?.forEach((id, i) => {
				if (dangling(parts, lists[kind], id)) {
					report(section.file, `${kind}.${i}`, `unknown id "${id}"`);
				}
			});
		}
	}
}
