import { z } from 'zod';

/**
 * The shape of a ballot and of a vote on it, as zod schemas: for checking what comes from
 * outside (a content pack, a vote sent by a phone). Code that only needs the types imports
 * them from types.ts, so that phones do not download zod.
 */

export const Slug = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case (a-z, 0-9, -)');

export const BallotOption = z.object({
	id: Slug,
	label: z.string().min(1),
	/** Where in the source the option comes from, e.g. "004 L512–515". */
	source: z.string().min(1).optional()
});
export type BallotOption = z.infer<typeof BallotOption>;

/** A follow-up ballot shown only to those who chose one of `optionIds` on ballot `ballotId`. */
export const BallotCondition = z.object({
	ballotId: Slug,
	optionIds: z.array(Slug).min(1)
});
export type BallotCondition = z.infer<typeof BallotCondition>;

const base = {
	id: Slug,
	title: z.string().min(1),
	prompt: z.string().min(1).optional(),
	condition: BallotCondition.optional()
};
const options = z.array(BallotOption).min(2);

export const SingleBallot = z.object({ ...base, kind: z.literal('single'), options });
export const MultipleBallot = z.object({
	...base,
	kind: z.literal('multiple'),
	options,
	min: z.int().min(0),
	max: z.int().min(1)
});
/** Ranking of all options, or of the top `topK`. */
export const RankingBallot = z.object({
	...base,
	kind: z.literal('ranking'),
	options,
	topK: z.int().min(1).optional()
});
/** A budget of points spread over the options, at most `cap` on any one. */
export const PointsBallot = z.object({
	...base,
	kind: z.literal('points'),
	options,
	budget: z.int().min(1),
	cap: z.int().min(1).optional()
});
/** A whole-number scale from min to max: labelled steps (1–5) or a slider between two poles. */
export const ScaleBallot = z.object({
	...base,
	kind: z.literal('scale'),
	min: z.int(),
	max: z.int(),
	/** Optional label per step, keyed by the step's value as a string. */
	labels: z.record(z.string(), z.string().min(1)).optional(),
	poles: z.object({ low: z.string().min(1), high: z.string().min(1) }).optional()
});
/** Open text, moderated by the facilitator, upvoted by participants. */
export const TextBallot = z.object({
	...base,
	kind: z.literal('text'),
	maxLength: z.int().min(1).max(2000)
});
/** One answer per table, agreed together. */
export const TableBallot = z.object({
	...base,
	kind: z.literal('table'),
	maxLength: z.int().min(1).max(2000)
});

export const Ballot = z.discriminatedUnion('kind', [
	SingleBallot,
	MultipleBallot,
	RankingBallot,
	PointsBallot,
	ScaleBallot,
	TextBallot,
	TableBallot
]);
export type Ballot = z.infer<typeof Ballot>;
export type BallotKind = Ballot['kind'];

/** What a participant submits. The kind must match the ballot's kind. */
export const VoteValue = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('single'), optionId: Slug }),
	z.object({ kind: z.literal('multiple'), optionIds: z.array(Slug).max(100) }),
	z.object({ kind: z.literal('ranking'), ranking: z.array(Slug).max(100) }),
	z.object({ kind: z.literal('points'), points: z.record(Slug, z.int().min(0).max(100000)) }),
	z.object({ kind: z.literal('scale'), value: z.int() }),
	z.object({ kind: z.literal('text'), text: z.string().max(2000) }),
	z.object({ kind: z.literal('table'), text: z.string().max(2000) })
]);
export type VoteValue = z.infer<typeof VoteValue>;
