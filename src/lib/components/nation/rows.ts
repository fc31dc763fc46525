import { m } from '$lib/paraglide/messages';
import type { NationalView, NationBallotResult } from '$lib/realtime/nation';
import type { PublicResult } from '$lib/domain/tally';
import type { ResultRow } from './BallotTable.svelte';

/** Rows of the national table: each county, its conferences when it has several, the nation. */
export function nationRows(view: NationalView, result: NationBallotResult): ResultRow[] {
	const rows: ResultRow[] = [];
	const silent: string[] = [];
	for (const region of view.regions) {
		// Conferences run on different days: counties without answers yet share one row.
		if (!result.byRegion[region.id]?.voters) {
			silent.push(region.name);
			continue;
		}
		rows.push({
			key: region.id,
			label: region.name,
			level: 'region',
			result: result.byRegion[region.id]
		});
		const conferences = view.conferences.filter((c) => c.regionId === region.id);
		if (conferences.length > 1) {
			for (const conference of conferences) {
				rows.push({
					key: conference.id,
					label: conference.title,
					level: 'conference',
					result: result.byConference[conference.id]
				});
			}
		}
	}
	if (silent.length > 0) {
		rows.push({
			key: 'empty',
			label: m.nation_no_answers_from({ names: silent.join(', ') }),
			level: 'empty',
			result: undefined
		});
	}
	rows.push(nationRow(view, result.nation, result.nationRegionIds.length));
	return rows;
}

/** Rows of a county report: its conferences, the county, and the nation to compare with. */
export function countyRows(
	view: NationalView,
	result: NationBallotResult,
	regionId: string
): ResultRow[] {
	const region = view.regions.find((r) => r.id === regionId);
	const conferences = view.conferences.filter((c) => c.regionId === regionId);
	const rows: ResultRow[] =
		conferences.length > 1
			? conferences.map((conference) => ({
					key: conference.id,
					label: conference.title,
					level: 'conference',
					result: result.byConference[conference.id]
				}))
			: [];
	rows.push({
		key: regionId,
		label: region?.name ?? '',
		level: 'region',
		result: result.byRegion[regionId]
	});
	rows.push(nationRow(view, result.nation, result.nationRegionIds.length));
	return rows;
}

function nationRow(view: NationalView, nation: PublicResult, counted: number): ResultRow {
	return {
		key: 'nation',
		label: m.nation_whole_country(),
		level: 'nation',
		result: nation,
		note: m.nation_nation_note({ counted, total: view.regions.length })
	};
}
