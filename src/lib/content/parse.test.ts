import { describe, expect, it } from 'vitest';
import { fixtureFiles, type FixtureObjects } from './pack-fixture';
import { parsePack } from './parse';
import type { Problem } from './schema';

function problemsOf(files: Record<string, string>, folder?: string): Problem[] {
	const result = parsePack(files, { folder });
	if (result.ok) {
		throw new Error('expected the pack to be rejected');
	}
	return result.problems;
}

function rejects(change: (pack: FixtureObjects) => void) {
	return problemsOf(fixtureFiles(change));
}

const ballots = (pack: FixtureObjects) => pack.questions.questions[0]?.ballots ?? [];
const section = (pack: FixtureObjects) => pack.sections['booklet/01-innledning.md']!;

describe('parsePack', () => {
	it('accepts a valid pack', () => {
		const result = parsePack(fixtureFiles());
		expect(result.ok ? [] : result.problems).toEqual([]);
		if (!result.ok) {
			return;
		}
		expect(result.pack.meta.id).toBe('test-pack');
		expect(result.pack.sections[0]?.body).toContain('## Mellomtittel');
		expect(result.pack.questions[0]?.ballots.map((b) => b.kind)).toEqual([
			'single',
			'multiple',
			'points',
			'scale',
			'text'
		]);
		expect(result.pack.questions[0]?.ballots[0]?.source).toBe('004 L459');
	});

	it('sorts sections by order and accepts YAML in place of JSON', () => {
		const files = fixtureFiles((pack) => {
			pack.sections['booklet/02-mer.md'] = {
				front: { id: 'mer', order: 2, title: 'Mer', theme: 'tariff', sourceRef: '004 L30' },
				body: ''
			};
		});
		const questions = files['questions.json']!;
		delete files['questions.json'];
		files['questions.yaml'] = questions; // JSON is valid YAML
		const result = parsePack(files);
		expect(result.ok && result.pack.sections.map((s) => s.id)).toEqual(['innledning', 'mer']);
	});

	it('rejects a file that is not valid JSON, naming the file and the line', () => {
		const files = fixtureFiles();
		files['deck.json'] = '{\n\t"title": "Kortstokk",\n}';
		expect(problemsOf(files)).toContainEqual({
			file: 'deck.json',
			field: '(file)',
			message: expect.stringMatching(/^invalid JSON: .*line 3/)
		});
	});

	it('rejects a missing field', () => {
		const problems = rejects((pack) => {
			delete pack.facts.facts[0]!.year;
		});
		expect(problems).toContainEqual({
			file: 'facts.json',
			field: 'facts.0.year',
			message: 'required'
		});
	});

	it('rejects a field of the wrong type', () => {
		const problems = rejects((pack) => {
			pack.deck.cards[1]!.number = 'to';
		});
		expect(problems).toContainEqual({
			file: 'deck.json',
			field: 'cards.1.number',
			message: expect.stringContaining('expected number')
		});
	});

	it('rejects an unknown field, so a misspelt one is not silently ignored', () => {
		const problems = rejects((pack) => {
			pack.deck.cards[0]!.theme = 'ledelse';
			ballots(pack)[2]!.budjet = 5;
		});
		expect(problems).toContainEqual({
			file: 'deck.json',
			field: 'cards.0.theme',
			message: 'unknown field'
		});
		expect(problems).toContainEqual({
			file: 'questions.json',
			field: 'questions.0.ballots.2.budjet',
			message: 'unknown field'
		});
	});

	it('rejects dangling references, naming the file and field that hold them', () => {
		const problems = rejects((pack) => {
			section(pack).front.facts = ['lonnsvekst', 'finnes-ikke'];
			pack.deck.cards[1]!.themeId = 'ukjent';
			pack.facts.facts[0]!.tableId = 'borte';
		});
		expect(problems).toEqual(
			expect.arrayContaining([
				{ file: 'booklet/01-innledning.md', field: 'facts.1', message: 'unknown id "finnes-ikke"' },
				{ file: 'deck.json', field: 'cards.1.themeId', message: 'unknown theme "ukjent"' },
				{ file: 'facts.json', field: 'facts.0.tableId', message: 'unknown table "borte"' }
			])
		);
	});

	it('still checks references around an item that is itself invalid', () => {
		const problems = rejects((pack) => {
			pack.deck.cards[0]!.number = -1;
			pack.deck.cards[1]!.themeId = 'ukjent';
		});
		expect(problems.map((p) => p.field)).toEqual(['cards.0.number', 'cards.1.themeId']);
	});

	it('rejects duplicate ids, ballot ids across the whole pack included', () => {
		const problems = rejects((pack) => {
			pack.deck.cards[1]!.id = 'kort-01';
			ballots(pack)[4]!.id = 'profil';
		});
		expect(problems).toEqual(
			expect.arrayContaining([
				{
					file: 'deck.json',
					field: 'cards.1.id',
					message: expect.stringContaining('duplicate "kort-01"')
				},
				{
					file: 'questions.json',
					field: 'questions.0.ballots.4.id',
					message: expect.stringContaining('duplicate "profil"')
				}
			])
		);
	});

	it('rejects a condition on an unknown ballot, a later ballot, a text ballot or a missing option', () => {
		const field = (n: number, rest: string) => `questions.0.ballots.${n}.condition.${rest}`;
		const check = (condition: object, expected: { field: string; message: RegExp }) => {
			const problems = rejects((pack) => {
				ballots(pack)[1]!.condition = condition;
			});
			expect(problems).toContainEqual({
				file: 'questions.json',
				...expected,
				message: expect.stringMatching(expected.message)
			});
		};
		check(
			{ ballotId: 'ingen', optionIds: ['a'] },
			{ field: field(1, 'ballotId'), message: /unknown ballot/ }
		);
		check(
			{ ballotId: 'tema', optionIds: ['a'] },
			{ field: field(1, 'ballotId'), message: /earlier ballot/ }
		);
		check(
			{ ballotId: 'profil', optionIds: ['nei'] },
			{ field: field(1, 'optionIds.0'), message: /no option "nei"/ }
		);
		const problems = rejects((pack) => {
			ballots(pack)[4]!.condition = { ballotId: 'skala', optionIds: ['a'] };
		});
		expect(problems).toContainEqual({
			file: 'questions.json',
			field: field(4, 'ballotId'),
			message: 'must refer to a single or multiple choice ballot'
		});
	});

	it('rejects ballots whose numbers do not add up', () => {
		const problems = rejects((pack) => {
			ballots(pack)[1]!.max = 3;
			ballots(pack)[2]!.cap = 11;
			ballots(pack)[3]!.max = 1;
			delete (ballots(pack)[0]!.options as Record<string, unknown>[])[1]!.source;
		});
		const at = (n: number, field: string) => `questions.0.ballots.${n}.${field}`;
		expect(problems.map((p) => p.field)).toEqual(
			expect.arrayContaining([at(1, 'max'), at(2, 'cap'), at(3, 'max'), at(0, 'options.1.source')])
		);
	});

	it('rejects bad front matter', () => {
		const files = fixtureFiles();
		files['booklet/01-innledning.md'] = '---\nid: innledning\ntitle: [uavsluttet\n---\nTekst';
		expect(problemsOf(files)).toContainEqual({
			file: 'booklet/01-innledning.md',
			field: '(front matter)',
			message: expect.stringMatching(/^invalid YAML/)
		});
		files['booklet/01-innledning.md'] = 'Bare tekst, uten front matter.';
		expect(problemsOf(files)).toContainEqual({
			file: 'booklet/01-innledning.md',
			field: '(front matter)',
			message: expect.stringContaining('must start with YAML front matter')
		});
	});

	it('rejects front matter with a wrong field or an order that does not match the file name', () => {
		const problems = rejects((pack) => {
			section(pack).front.order = 2;
			section(pack).front.tema = 'tariff';
			delete section(pack).front.title;
		});
		const file = 'booklet/01-innledning.md';
		expect(problems).toEqual(
			expect.arrayContaining([
				{ file, field: 'title', message: 'required' },
				{ file, field: 'tema', message: 'unknown field' }
			])
		);
		const renumbered = rejects((pack) => {
			section(pack).front.order = 2;
		});
		expect(renumbered).toContainEqual({
			file,
			field: 'order',
			message: "must match the file name's number 01"
		});
	});

	it('rejects a theme colour that white text cannot be read on', () => {
		const problems = rejects((pack) => {
			pack.deck.themes[0]!.colour = '#f0c419';
		});
		expect(problems).toContainEqual({
			file: 'deck.json',
			field: 'themes.0.colour',
			message: expect.stringMatching(/needs 4.5:1/)
		});
	});

	it('rejects a missing file, an unexpected file, an unknown source and a leftover tab', () => {
		const files = fixtureFiles((pack) => {
			pack.deck.cards[0]!.text = 'Hva\ter god ledelse?';
			pack.facts.facts[0]!.sourceRef = '007 L12';
		});
		delete files['tables.json'];
		files['notater.md'] = '# Notater';
		expect(problemsOf(files)).toEqual(
			expect.arrayContaining([
				{ file: 'tables.json', field: '(file)', message: 'missing file' },
				{
					file: 'notater.md',
					field: '(file)',
					message: expect.stringContaining('unexpected file')
				},
				{
					file: 'facts.json',
					field: 'facts.0.sourceRef',
					message: expect.stringContaining('"007"')
				},
				{ file: 'deck.json', field: 'cards.0.text', message: expect.stringContaining('tab') }
			])
		);
	});

	it('rejects a question that no booklet section asks, and a pack id that is not its folder', () => {
		const problems = problemsOf(
			fixtureFiles((pack) => {
				delete section(pack).front.questions;
			}),
			'annen-mappe'
		);
		expect(problems).toEqual([
			{ file: 'pack.json', field: 'id', message: 'must equal the folder name "annen-mappe"' },
			{
				file: 'questions.json',
				field: 'questions.0.id',
				message: expect.stringContaining('0 booklet sections')
			}
		]);
	});

	it('reports every problem at once, across files', () => {
		const problems = rejects((pack) => {
			(pack.pack as Record<string, unknown>).version = 2022;
			pack.deck.cards[0]!.themeId = 'ukjent';
			delete pack.facts.facts[0]!.source;
			section(pack).front.tables = ['ingen'];
		});
		expect(problems.map((p) => `${p.file}: ${p.field}`)).toEqual(
			expect.arrayContaining([
				'pack.json: version',
				'deck.json: cards.0.themeId',
				'facts.json: facts.0.source',
				'booklet/01-innledning.md: tables.0'
			])
		);
	});
});
