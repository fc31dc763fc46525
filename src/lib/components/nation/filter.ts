import { PARTICIPANT_ROLES, type ParticipantRole } from '$lib/domain/participant-role';
import type { Weighting } from '$lib/domain/rollup';

/** The dashboard's choices, kept in the address so a view can be linked and works without JS. */
export interface DashboardFilter {
	/** The roles counted; empty for everyone. */
	roles: ParticipantRole[];
	weighting: Weighting;
	/** The measure the tile grid is coloured by (see domain/measure.ts); '' for the first. */
	measure: string;
}

const isRole = (value: string): value is ParticipantRole =>
	(PARTICIPANT_ROLES as readonly string[]).includes(value);

/** Reads the filter from the query; anything unknown falls back to the default. */
export function parseFilter(params: URLSearchParams): DashboardFilter {
	const roles = PARTICIPANT_ROLES.filter((role) => params.getAll('role').includes(role));
	const weighting = params.get('weighting') === 'region-equal' ? 'region-equal' : 'participant';
	const measure = (params.get('measure') ?? '').slice(0, 200);
	// Every role ticked is the same as none: everyone.
	return {
		roles: roles.length === PARTICIPANT_ROLES.length ? [] : roles.filter(isRole),
		weighting,
		measure
	};
}

/** The query for a filter, leaving out defaults. */
export function filterSearch(filter: DashboardFilter): string {
	const params = new URLSearchParams();
	filter.roles.forEach((role) => params.append('role', role));
	if (filter.weighting !== 'participant') {
		params.set('weighting', filter.weighting);
	}
	if (filter.measure) {
		params.set('measure', filter.measure);
	}
	const query = params.toString();
	return query ? `?${query}` : '';
}
