import type { z } from 'zod';
import { findArtefacts } from './artefacts';
import { decodeData, splitFrontMatter } from './decode';
import { issuesToProblems, parseParams } from './issues';
import { checkReferences, type Parts } from './references';
import { declaredIds, salvage } from './salvage';
import {
	BookletSection,
	Deck,
	FactsFile,
	PackMeta,
	QuestionsFile,
	SectionFrontMatter,
	TablesFile,
	type ContentPack,
	type Problem
} from './schema';

export type ParseResult = { ok: true; pack: ContentPack } | { ok: false; problems: Problem[] };

const DATA_EXTENSIONS = ['.json', '.yaml', '.yml'];
const SECTION_FILE = /^booklet\/(\d{2})-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;

/**
 * Validates a content pack given as file texts keyed by path relative to the pack folder
 * ("deck.json", "booklet/01-forord.md"). Pure: no I/O. Reports every problem it finds, each
 * with its file and a dotted field path, rather than stopping at the first.
 */
export function parsePack(
	files: Record<string, string>,
	options: { folder?: string } = {}
): ParseResult {
	const problems: Problem[] = [];
	const texts = new Map(Object.entries(files).map(([path, text]) => [normalise(path), text]));
	const used = new Set<string>();
	const read = <S extends z.ZodObject>(name: string, schema: S) =>
		readDataFile(name, schema, { texts, used, problems });
	const data = {
		meta: read('pack', PackMeta),
		deck: read('deck', Deck),
		facts: read('facts', FactsFile),
		tables: read('tables', TablesFile),
		questions: read('questions', QuestionsFile)
	};
	const sections = readSections(texts, used, problems);
	for (const path of texts.keys()) {
		if (!used.has(path)) {
			problems.push({ file: path, field: '(file)', message: UNEXPECTED });
		}
	}
	const metaId = data.meta.partial.id;
	if (options.folder !== undefined && metaId !== undefined && metaId !== options.folder) {
		const message = `must equal the folder name "${options.folder}"`;
		problems.push({ file: data.meta.file, field: 'id', message });
	}
	problems.push(...checkReferences(toParts(data, sections)));
	const { meta, deck, facts, tables, questions } = data;
	if (problems.length > 0) {
		return { ok: false, problems };
	}
	if (!meta.parsed || !deck.parsed || !facts.parsed || !tables.parsed || !questions.parsed) {
		throw new Error('unreachable: a pack without problems has every file');
	}
	const pack: ContentPack = {
		meta: meta.parsed,
		sections: [...sections].sort((a, b) => a.order - b.order),
		deck: deck.parsed,
		factThemes: facts.parsed.themes,
		facts: facts.parsed.facts,
		tables: tables.parsed.tables,
		questions: questions.parsed.questions
	};
	return { ok: true, pack };
}

interface Data {
	meta: DataFile<typeof PackMeta>;
	deck: DataFile<typeof Deck>;
	facts: DataFile<typeof FactsFile>;
	tables: DataFile<typeof TablesFile>;
	questions: DataFile<typeof QuestionsFile>;
}

function toParts(data: Data, sections: BookletSection[]): Parts {
	const { meta, deck, facts, tables, questions } = data;
	const declared = (file: DataFile<z.ZodObject>, key: string) =>
		file.raw === undefined ? undefined : declaredIds(file.raw, key);
	return {
		files: {
			meta: meta.file,
			deck: deck.file,
			facts: facts.file,
			tables: tables.file,
			questions: questions.file
		},
		meta: { themes: meta.partial.themes ?? [], sources: meta.partial.sources ?? [] },
		deck: {
			groups: deck.partial.groups ?? [],
			themes: deck.partial.themes ?? [],
			cards: deck.partial.cards ?? [],
			sourceRef: deck.partial.sourceRef
		},
		factThemes: facts.partial.themes ?? [],
		facts: facts.partial.facts ?? [],
		tables: tables.partial.tables ?? [],
		questions: questions.partial.questions ?? [],
		questionsRaw: questions.raw,
		sections,
		declared: {
			packThemes: declared(meta, 'themes'),
			sources: declared(meta, 'sources'),
			deckGroups: declared(deck, 'groups'),
			deckThemes: declared(deck, 'themes'),
			factThemes: declared(facts, 'themes'),
			facts: declared(facts, 'facts'),
			tables: declared(tables, 'tables'),
			questions: declared(questions, 'questions')
		}
	};
}

const UNEXPECTED =
	'unexpected file: a pack holds pack, deck, facts, tables and questions (.json or .yaml) ' +
	'and booklet/NN-slug.md';

function normalise(path: string) {
	return path.replace(/\\/g, '/').replace(/^\.\//, '');
}

interface DataFile<S extends z.ZodObject> {
	file: string;
	/** The decoded file, when it could be decoded. */
	raw?: unknown;
	/** The file, when it passed its schema. */
	parsed?: z.infer<S>;
	/** What passed: the whole file, or the valid parts of it. */
	partial: Partial<z.infer<S>>;
}

interface Reading {
	texts: Map<string, string>;
	/** Paths claimed so far; what is left over is an unexpected file. */
	used: Set<string>;
	problems: Problem[];
}

function readDataFile<S extends z.ZodObject>(
	name: string,
	schema: S,
	{ texts, used, problems }: Reading
): DataFile<S> {
	const candidates = DATA_EXTENSIONS.map((ext) => name + ext).filter((file) => texts.has(file));
	candidates.forEach((file) => used.add(file));
	const file = candidates[0] ?? `${name}.json`;
	const fail = (message: string): DataFile<S> => {
		problems.push({ file, field: '(file)', message });
		return { file, partial: {} };
	};
	if (candidates.length === 0) {
		return fail('missing file');
	}
	if (candidates.length > 1) {
		return fail(`keep only one of ${candidates.join(', ')}`);
	}
	const decoded = decodeData(file, texts.get(file) ?? '');
	if (!decoded.ok) {
		return fail(decoded.message);
	}
	problems.push(...findArtefacts(file, decoded.value));
	const parsed = schema.safeParse(decoded.value, parseParams);
	if (parsed.success) {
		return { file, raw: decoded.value, parsed: parsed.data, partial: parsed.data };
	}
	problems.push(...issuesToProblems(file, parsed.error));
	return { file, raw: decoded.value, partial: salvage(schema, decoded.value) };
}

function readSections(texts: Map<string, string>, used: Set<string>, problems: Problem[]) {
	const sections: BookletSection[] = [];
	const paths = [...texts.keys()].filter((p) => p.startsWith('booklet/') && p.endsWith('.md'));
	if (paths.length === 0) {
		problems.push({
			file: 'booklet/',
			field: '(file)',
			message: 'no booklet sections (booklet/NN-slug.md)'
		});
	}
	for (const file of paths.sort()) {
		used.add(file);
		const number = SECTION_FILE.exec(file)?.[1];
		if (number === undefined) {
			problems.push({ file, field: '(file)', message: 'name must look like booklet/NN-slug.md' });
		}
		const split = splitFrontMatter(texts.get(file) ?? '');
		if (!split.ok) {
			problems.push({ file, field: '(front matter)', message: split.message });
			continue;
		}
		problems.push(...findArtefacts(file, { ...(split.data as object), body: split.body }));
		const parsed = SectionFrontMatter.safeParse(split.data, parseParams);
		if (!parsed.success) {
			problems.push(...issuesToProblems(file, parsed.error));
			continue;
		}
		if (number !== undefined && Number(number) !== parsed.data.order) {
			problems.push({
				file,
				field: 'order',
				message: `must match the file name's number ${number}`
			});
		}
		sections.push(BookletSection.parse({ ...parsed.data, body: split.body, file }));
	}
	return sections;
}
