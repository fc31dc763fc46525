import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { conferences, municipalities, regions } from '../schema';

/** The municipalities of a conference's region, by name. */
export async function municipalitiesForConference(db: DbOrTx, conferenceId: string) {
	const [region] = await db
		.select({ countyCodes: regions.countyCodes, code: regions.code })
		.from(conferences)
		.innerJoin(regions, eq(regions.id, conferences.regionId))
		.where(eq(conferences.id, conferenceId));
	if (!region) {
		return [];
	}
	const counties = region.countyCodes.length > 0 ? region.countyCodes : [region.code];
	return db
		.select({ code: municipalities.code, name: municipalities.name })
		.from(municipalities)
		.where(inArray(municipalities.countyCode, counties))
		.orderBy(asc(municipalities.name));
}
