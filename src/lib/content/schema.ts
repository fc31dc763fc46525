import { z } from 'zod';
import { Ballot, Slug } from '../domain/ballots/schema';

/**
 * The shape of a content pack: plain files under `content/<pack>/`, one schema per file.
 * Fields named `note`/`notes` are for editors (what was left out, what is inferred) and are
 * never shown to participants. Cross-references between files are checked in `references.ts`.
 */

const Text = z.string().trim().min(1);

/** Where in a seed text something comes from: "004 L454–456", "000 L224–228, L297". */
export const SourceRef = z
	.string()
	.regex(/^\d{3} L\d+/, 'must start with a source id and a line, e.g. "004 L454–456"');

const HexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex colour like "#1d4e89"');

export const Source = z.strictObject({
	id: z.string().regex(/^\d{3}$/, 'must be a three-digit source id, e.g. "004"'),
	title: Text,
	year: z.int().min(1900).max(2100),
	yearApproximate: z.boolean().optional(),
	yearNote: Text.optional(),
	publisher: Text,
	/** The seed file the text was digitised from. */
	file: Text.optional()
});
export type Source = z.infer<typeof Source>;

/** A consultation theme of the booklet (tariff, trust…), used by sections and questions. */
export const PackTheme = z.strictObject({
	id: Slug,
	title: Text,
	question: Text.optional(),
	sourceRef: SourceRef.optional()
});
export type PackTheme = z.infer<typeof PackTheme>;

export const PackMeta = z.strictObject({
	id: Slug,
	version: z.string().regex(/^\d{4}\.\d+$/, 'must look like "2022.1"'),
	title: Text,
	language: z.enum(['nb', 'nn', 'en']),
	description: Text.optional(),
	themes: z.array(PackTheme).min(1),
	sources: z.array(Source).min(1)
});
export type PackMeta = z.infer<typeof PackMeta>;

export const SectionFrontMatter = z.strictObject({
	id: Slug,
	order: z.int().min(1),
	title: Text,
	theme: Slug,
	sourceRef: SourceRef,
	/** Fact cards shown with this section. */
	facts: z.array(Slug).optional(),
	/** Tables drawn as charts with this section. */
	tables: z.array(Slug).optional(),
	/** "KS spør" questions asked in this section. */
	questions: z.array(Slug).optional(),
	notes: z.array(Text).optional()
});
export const BookletSection = SectionFrontMatter.extend({
	/** Markdown; may be empty when the section only carries questions. */
	body: z.string(),
	/** Path of the file relative to the pack folder. */
	file: z.string()
});
export type BookletSection = z.infer<typeof BookletSection>;

export const DeckGroup = z.strictObject({ id: Slug, title: Text });
export type DeckGroup = z.infer<typeof DeckGroup>;

export const DeckTheme = z.strictObject({
	id: Slug,
	title: Text,
	groupId: Slug,
	/** Background of the theme's cards; white text on it must reach 4.5:1. */
	colour: HexColour,
	/** A lead-in printed before the theme's questions, e.g. "Med utgangspunkt i …:". */
	lead: Text.optional(),
	description: Text.optional(),
	sourceRef: SourceRef
});
export type DeckTheme = z.infer<typeof DeckTheme>;

export const DeckCard = z.strictObject({
	id: Slug,
	number: z.int().min(1),
	themeId: Slug,
	text: Text,
	/** The heading in the source the question was printed under. */
	section: Text,
	source: SourceRef,
	note: Text.optional()
});
export type DeckCard = z.infer<typeof DeckCard>;

export const Deck = z.strictObject({
	title: Text,
	intro: Text.optional(),
	sourceRef: SourceRef,
	notes: z.array(Text).optional(),
	groups: z.array(DeckGroup).min(1),
	themes: z.array(DeckTheme).min(1),
	cards: z.array(DeckCard).min(1)
});
export type Deck = z.infer<typeof Deck>;

export const FactTheme = z.strictObject({ id: Slug, title: Text });
export type FactTheme = z.infer<typeof FactTheme>;

export const Fact = z.strictObject({
	id: Slug,
	title: Text.optional(),
	/** As printed. With `box`, it continues "Visste du at …" and may start in lower case. */
	text: Text,
	/** The headline number for the card, e.g. "7,9 %". */
	figure: Text.optional(),
	/** The year the figure belongs to (a range's last year; a projection's base year). */
	year: z.int().min(1900).max(2100),
	yearApproximate: z.boolean().optional(),
	/** The span the figure covers, for display: "2015–2019", "fram mot 2031". */
	period: Text.optional(),
	/** The publication the fact is taken from. */
	source: Text,
	/** The data source the publication credits, e.g. "Ipsos, 2023". */
	dataSource: Text.optional(),
	url: z.url({ protocol: /^https$/ }).optional(),
	sourceRef: SourceRef,
	themeIds: z.array(Slug).min(1).optional(),
	/** Printed in a «Visste du at…» box. */
	box: z.boolean().optional(),
	/** A table that shows the same figures as a chart. */
	tableId: Slug.optional(),
	note: Text.optional()
});
export type Fact = z.infer<typeof Fact>;

export const FactsFile = z.strictObject({
	themes: z.array(FactTheme).min(1),
	facts: z.array(Fact).min(1)
});

export const FigureTable = z.strictObject({
	id: Slug,
	title: Text,
	caption: Text.optional(),
	unit: Text,
	/** A hint for the chart; the UI may choose otherwise. */
	chart: z.enum(['line', 'bar']).optional(),
	source: Text,
	dataSource: Text.optional(),
	sourceRef: SourceRef,
	/** The label of the row-label column, e.g. "År" or "Fylke". */
	rowHeader: Text,
	columns: z.array(z.strictObject({ id: Slug, label: Text })).min(1),
	rows: z
		.array(
			z.strictObject({
				label: Text,
				/** One per column; null where the source prints no value. */
				values: z.array(z.number().nullable()),
				/** A total or average row, drawn apart from the series. */
				summary: z.boolean().optional()
			})
		)
		.min(1),
	/** Printed under the table in the source; shown with the chart. */
	footnotes: z.array(Text).optional(),
	note: Text.optional()
});
export type FigureTable = z.infer<typeof FigureTable>;

export const TablesFile = z.strictObject({ tables: z.array(FigureTable) });

/** A ballot as the pack defines it: the shared Ballot plus where its framing comes from. */
export const PackBallot = z.intersection(Ballot, z.object({ source: SourceRef.optional() }));
export type PackBallot = z.infer<typeof PackBallot>;

export const Question = z.strictObject({
	id: Slug,
	number: z.int().min(1),
	themeId: Slug,
	/** Verbatim from the booklet. */
	text: Text,
	sourceRef: SourceRef,
	ballots: z.array(PackBallot).min(1),
	note: Text.optional()
});
export type Question = z.infer<typeof Question>;

export const QuestionsFile = z.strictObject({ questions: z.array(Question).min(1) });

export interface ContentPack {
	meta: PackMeta;
	/** Sorted by `order`. */
	sections: BookletSection[];
	deck: Deck;
	factThemes: FactTheme[];
	facts: Fact[];
	tables: FigureTable[];
	questions: Question[];
}

export interface Problem {
	/** Path relative to the pack folder, e.g. "deck.json" or "booklet/01-forord.md". */
	file: string;
	/** Dotted path inside the file, e.g. "cards.12.themeId"; "(file)" for the whole file. */
	field: string;
	message: string;
}
