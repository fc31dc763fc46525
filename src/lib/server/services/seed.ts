import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import { conferences, regions, rounds } from '../db/schema';
import { countRounds } from '../db/queries/conferences';
import { generateJoinCode } from '$lib/domain/join-code';
import reference from '../reference/norway-regions-2024.json';
import type { Logger } from '../log';

export const DEMO_ROUND_NAME = 'Strategikonferansene 2022';

/** On an empty database: a demo round with one live conference per county, each with a join code. */
export async function seedDemoIfEmpty(db: Db, log: Logger): Promise<void> {
	await db.transaction(async (tx) => {
		// Nodes starting together on an empty database: one seeds, the others then see its round.
		await tx.execute(sql`select pg_advisory_xact_lock(7214002)`);
		if ((await countRounds(tx)) > 0) {
			return;
		}
		const [round] = await tx.insert(rounds).values({ name: DEMO_ROUND_NAME }).returning();
		if (!round) {
			throw new Error('demo round not created');
		}
		const regionRows = await tx
			.insert(regions)
			.values(reference.counties.map((c) => ({ roundId: round.id, code: c.code, name: c.name })))
			.returning();
		const codes = uniqueCodes(regionRows.length);
		await tx.insert(conferences).values(
			regionRows.map((region, i) => ({
				roundId: round.id,
				regionId: region.id,
				title: `Strategikonferansen i ${region.name}`,
				joinCode: codes[i] as string
			}))
		);
		log.info('seeded demo round', { round: round.name, conferences: regionRows.length });
	});
}

function uniqueCodes(n: number): string[] {
	const codes = new Set<string>();
	while (codes.size < n) {
		codes.add(generateJoinCode(randomInt));
	}
	return [...codes];
}
