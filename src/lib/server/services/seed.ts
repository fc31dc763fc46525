import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db';
import { conferences, municipalities, regions, rounds } from '../db/schema';
import { countRounds } from '../db/queries/conferences';
import { generateJoinCode } from '$lib/domain/join-code';
import reference from '../reference/norway-regions-2024.json';
import type { Logger } from '../log';
import { randomToken } from '../auth/tokens';
import { createStaffWithPassword } from './staff-auth';

export const DEMO_ROUND_NAME = 'Strategikonferansene 2022';
export const DEMO_ADMIN_EMAIL = 'demo@droft.no';

/** Reference municipalities, loaded once into an empty table. */
export async function seedMunicipalities(db: Db): Promise<void> {
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(municipalities);
	if ((row?.n ?? 0) > 0) {
		return;
	}
	await db
		.insert(municipalities)
		.values(
			reference.municipalities.map((m) => ({ code: m.code, name: m.name, countyCode: m.county }))
		)
		.onConflictDoNothing();
}

/**
 * On an empty database: a demo round with one live conference per county, each with a join
 * code, and a demo admin whose sign-in is printed once.
 */
export async function seedDemoIfEmpty(
	db: Db,
	log: Logger,
	options: { adminPassword: string | undefined; createAdmin: boolean }
): Promise<void> {
	await db.transaction(async (tx) => {
		// Nodes starting together on an empty database: one seeds, the others then see its round.
		await tx.execute(sql`select pg_advisory_xact_lock(7214002)`);
		if ((await countRounds(tx)) > 0) {
			return;
		}
		const count = await seedDemoRound(tx);
		log.info('seeded demo round', { round: DEMO_ROUND_NAME, conferences: count });
		if (options.createAdmin) {
			const password = options.adminPassword ?? randomToken().slice(0, 16);
			await createStaffWithPassword(tx, {
				email: DEMO_ADMIN_EMAIL,
				name: 'Demo-administrator',
				password,
				isAdmin: true
			});
			log.warn('demo admin created: sign in at /login, then change the password', {
				email: DEMO_ADMIN_EMAIL,
				password: options.adminPassword ? '(from DEMO_ADMIN_PASSWORD)' : password
			});
		}
	});
}

async function seedDemoRound(tx: DbOrTx): Promise<number> {
	const [round] = await tx.insert(rounds).values({ name: DEMO_ROUND_NAME }).returning();
	const regionRows = await tx
		.insert(regions)
		.values(
			reference.counties.map((c) => ({
				roundId: round!.id,
				code: c.code,
				name: c.name,
				countyCodes: [c.code]
			}))
		)
		.returning();
	const codes = uniqueCodes(regionRows.length);
	await tx.insert(conferences).values(
		regionRows.map((region, i) => ({
			roundId: round!.id,
			regionId: region.id,
			title: `Strategikonferansen i ${region.name}`,
			joinCode: codes[i] as string
		}))
	);
	return regionRows.length;
}

function uniqueCodes(n: number): string[] {
	const codes = new Set<string>();
	while (codes.size < n) {
		codes.add(generateJoinCode(randomInt));
	}
	return [...codes];
}
