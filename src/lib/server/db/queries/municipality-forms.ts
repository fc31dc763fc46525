import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { municipalities, municipalityForms, regions, rounds } from '../schema';

/** Every municipality of the round's regions, with its form if it has one. */
export async function formsOfRound(db: DbOrTx, roundId: string) {
	const regionRows = await db
		.select({ countyCodes: regions.countyCodes, code: regions.code })
		.from(regions)
		.where(eq(regions.roundId, roundId));
	const counties = regionRows.flatMap((r) => (r.countyCodes.length ? r.countyCodes : [r.code]));
	if (counties.length === 0) {
		return [];
	}
	return db
		.select({
			municipalityCode: municipalities.code,
			municipalityName: municipalities.name,
			formId: municipalityForms.id,
			body: municipalityForms.body,
			submittedAt: municipalityForms.submittedAt
		})
		.from(municipalities)
		.leftJoin(
			municipalityForms,
			and(
				eq(municipalityForms.municipalityCode, municipalities.code),
				eq(municipalityForms.roundId, roundId)
			)
		)
		.where(inArray(municipalities.countyCode, counties))
		.orderBy(asc(municipalities.name));
}

/** Creates the form, or gives an existing one a new link (the old link stops working). */
export async function upsertFormToken(
	db: DbOrTx,
	roundId: string,
	municipalityCode: string,
	tokenHash: string
) {
	await db
		.insert(municipalityForms)
		.values({ roundId, municipalityCode, tokenHash })
		.onConflictDoUpdate({
			target: [municipalityForms.roundId, municipalityForms.municipalityCode],
			set: { tokenHash }
		});
}

export async function findFormByTokenHash(db: DbOrTx, tokenHash: string) {
	const [row] = await db
		.select({
			id: municipalityForms.id,
			roundId: municipalityForms.roundId,
			roundName: rounds.name,
			roundStatus: rounds.status,
			contentPackId: rounds.contentPackId,
			municipalityCode: municipalityForms.municipalityCode,
			municipalityName: municipalities.name,
			body: municipalityForms.body,
			answers: municipalityForms.answers,
			submittedAt: municipalityForms.submittedAt
		})
		.from(municipalityForms)
		.innerJoin(rounds, eq(rounds.id, municipalityForms.roundId))
		.innerJoin(municipalities, eq(municipalities.code, municipalityForms.municipalityCode))
		.where(eq(municipalityForms.tokenHash, tokenHash));
	return row ? { ...row, answers: row.answers as Record<string, unknown> } : undefined;
}

export async function saveFormAnswers(
	db: DbOrTx,
	formId: string,
	answers: Record<string, unknown>
) {
	await db.update(municipalityForms).set({ answers }).where(eq(municipalityForms.id, formId));
}

export async function submitForm(db: DbOrTx, formId: string, body: string, now: Date) {
	await db
		.update(municipalityForms)
		.set({ body, submittedAt: now })
		.where(eq(municipalityForms.id, formId));
}
