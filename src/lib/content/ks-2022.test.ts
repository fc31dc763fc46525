import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPack } from '../server/content/read-pack';
import { contrastWithWhite } from './contrast';
import { parsePack } from './parse';
import type { ContentPack } from './schema';

const PACK_DIR = fileURLToPath(new URL('../../../content/ks-2022', import.meta.url));

// Verbatim from seed 004 as transcribed in shared/seeds/DIGEST.md §2.1 (the source of truth).
const KS_SPOR = [
	'Bør den begrensede økonomiske rammen i hovedtariffoppgjøret fordeles sentralt, eller bør den forhandles lokalt, ut fra lokale behov?',
	'Hvis rammen fordeles sentralt; bør KS søke å gi alle arbeidstakere med sentral lønnsdanning en så god, generell lønnsutvikling som mulig, eller ønskes en omfordeling med tydeligere opprioritering av enkelte stillingsgrupper framfor andre? I så fall hvilke?',
	'Hvilke andre endringer i Hovedtariffavtalen bør prioriteres?',
	'Hva vil kommunen/fylkeskommunen selv ha mest oppmerksomhet på i en tillitsreform, i egen organisasjon og overfor lokalsamfunnet?',
	'Hva bør KS som interessepolitisk aktør ha mest oppmerksomhet på i utformingen av en tillitsreform i og overfor kommunesektoren?',
	'Hva bør eventuelt KS bidra med som utviklingspartner for kommunene/fylkeskommunene i gjennomføringen av en tillitsreform lokalt?'
];

// The headings 002 groups its reflection questions under: the three future discussions and
// the other themes (DIGEST §2.2, §5.1).
const DECK_THEMES = [
	'Noen sentrale framtidsdiskusjoner',
	'En framtidsdiskusjon om kompetanse og rekruttering',
	'En framtidsdiskusjon om organisering av arbeidet og arbeidstiden',
	'En framtidsdiskusjon om oppgaveløsning i samarbeid med andre',
	'Hva er arbeidsgiverpolitikk - og hvorfor er det viktig?',
	'Om verdier og forankring',
	'Om forventninger til ledere og medarbeidere',
	'Om fornyelse og innovasjon',
	'Et samfunns- og arbeidsliv i endring',
	'Evnen til å rekruttere, utvikle og beholde medarbeidere',
	'Evnen til utvikling og nyskaping',
	'Tjenestedesign og samskaping',
	'God ledelse – nøkkelen til suksess',
	'Suksesskriterier for gode prosesser og effektfulle løsninger'
];

let pack: ContentPack;

beforeAll(async () => {
	const result = parsePack(await readPack(PACK_DIR), { folder: 'ks-2022' });
	if (!result.ok) {
		const lines = result.problems.map((p) => `${p.file}: ${p.field}: ${p.message}`);
		throw new Error(`ks-2022 does not validate:\n${lines.join('\n')}`);
	}
	pack = result.pack;
});

describe('the KS 2022 content pack', () => {
	it('validates', () => {
		expect(pack.meta).toMatchObject({ id: 'ks-2022', version: '2022.1', language: 'nb' });
	});

	it('asks the six «KS spør» questions verbatim, 1–3 on the tariff settlement, 4–6 on trust', () => {
		const questions = [...pack.questions].sort((a, b) => a.number - b.number);
		expect(questions.map((q) => q.text)).toEqual(KS_SPOR);
		expect(questions.map((q) => q.themeId)).toEqual([
			'tariff',
			'tariff',
			'tariff',
			'trust',
			'trust',
			'trust'
		]);
	});

	it('places each question in a «KS spør» section of its own theme', () => {
		for (const question of pack.questions) {
			const section = pack.sections.find((s) => s.questions?.includes(question.id));
			expect(section?.theme).toBe(question.themeId);
		}
	});

	it('offers the follow-up «I så fall hvilke?» only to those who want a redistribution', () => {
		const ballots = pack.questions.find((q) => q.number === 2)?.ballots ?? [];
		const followUp = ballots.find((b) => b.kind === 'multiple');
		expect(followUp?.condition).toEqual({ ballotId: 'ks2-profil', optionIds: ['omfordeling'] });
	});

	it('records where every ballot option comes from', () => {
		const options = pack.questions.flatMap((q) =>
			q.ballots.flatMap((b) => ('options' in b ? b.options : []))
		);
		expect(options.length).toBeGreaterThan(0);
		for (const option of options) {
			expect(option.source).toMatch(/^\d{3} L\d+/);
		}
	});

	it('holds every reflection question of 002 as a numbered card under 002’s themes', () => {
		const { cards, themes } = pack.deck;
		expect(cards.length).toBeGreaterThanOrEqual(78);
		expect(cards.map((c) => c.number)).toEqual(cards.map((_, i) => i + 1));
		expect(themes.map((t) => t.title)).toEqual(DECK_THEMES);
		for (const theme of themes) {
			expect(cards.some((c) => c.themeId === theme.id)).toBe(true);
			expect(contrastWithWhite(theme.colour)).toBeGreaterThanOrEqual(4.5);
		}
		const groupOf = new Map(themes.map((t) => [t.id, t.groupId]));
		const future = cards.filter((c) => groupOf.get(c.themeId) === 'framtidsdiskusjoner');
		expect(future).toHaveLength(22);
	});

	it('gives every fact a year and a source', () => {
		expect(pack.facts.length).toBeGreaterThanOrEqual(58);
		for (const fact of pack.facts) {
			expect(fact.year).toBeGreaterThanOrEqual(2000);
			expect(fact.source.length).toBeGreaterThan(0);
			expect(fact.sourceRef).toMatch(/^\d{3} L\d+/);
		}
		const boxes = pack.facts.filter((f) => f.box && f.sourceRef.startsWith('004'));
		expect(boxes).toHaveLength(6);
	});

	it('carries the wage-growth table 2016–2020 for the chart, drawn from its section', () => {
		const table = pack.tables.find((t) => t.id === 'arslonnsvekst-kap4');
		expect(table?.columns.map((c) => c.label)).toEqual([
			'Kapittel 4 samlet',
			'Gruppe 1',
			'Gruppe 2'
		]);
		expect(table?.rows.map((r) => [r.label, ...r.values])).toEqual([
			['2016', 2.5, 2.6, 2.5],
			['2017', 2.4, 2.5, 2.4],
			['2018', 2.9, 2.8, 2.9],
			['2019', 3.5, 3.5, 3.7],
			['2020', 1.7, 1.5, 2.0],
			['Samlet vekst 2015-2020', 13.7, 13.6, 14.2]
		]);
		expect(pack.sections.find((s) => s.tables?.includes('arslonnsvekst-kap4'))?.id).toBe(
			'okonomiske-utsikter'
		);
	});

	it('keeps the booklet in order, with its links as Markdown links', () => {
		expect(pack.sections.map((s) => s.order)).toEqual(pack.sections.map((_, i) => i + 1));
		expect(pack.sections[0]?.title).toBe('Forord');
		const links = pack.sections.flatMap((s) => [...s.body.matchAll(/\]\((https:[^)]+)\)/g)]);
		expect(links.length).toBeGreaterThanOrEqual(7);
	});
});
