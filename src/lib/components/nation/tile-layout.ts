/**
 * Where each county sits on the tile grid: roughly Norway's shape, north at the top, on a grid
 * of 5 columns and 7 rows. Today's 15 counties (2024) and the 11 of 2020–2023 (Viken, Vestfold og
 * Telemark, Troms og Finnmark) have places; a round with any other region gets a plain grid.
 */
const PLACES: Record<string, [column: number, row: number]> = {
	'56': [5, 1], // Finnmark
	'55': [4, 1], // Troms
	'54': [4, 1], // Troms og Finnmark (2020–2023)
	'18': [3, 2], // Nordland
	'50': [3, 3], // Trøndelag
	'15': [2, 4], // Møre og Romsdal
	'34': [3, 4], // Innlandet
	'46': [1, 5], // Vestland
	'33': [2, 5], // Buskerud
	'03': [3, 5], // Oslo
	'32': [4, 5], // Akershus
	'30': [4, 5], // Viken (2020–2023)
	'11': [1, 6], // Rogaland
	'40': [2, 6], // Telemark
	'38': [2, 6], // Vestfold og Telemark (2020–2023)
	'39': [3, 6], // Vestfold
	'31': [4, 6], // Østfold
	'42': [2, 7] // Agder
};

export interface TilePlace {
	column: number;
	row: number;
}

/** Each region's place by id, or null when some region has none or two would overlap. */
export function tilePlaces(
	regions: readonly { id: string; code: string }[]
): Map<string, TilePlace> | null {
	const places = new Map<string, TilePlace>();
	const taken = new Set<string>();
	for (const region of regions) {
		const place = PLACES[region.code];
		if (!place || taken.has(place.join())) {
			return null;
		}
		taken.add(place.join());
		places.set(region.id, { column: place[0], row: place[1] });
	}
	return places;
}
