import { m } from '$lib/paraglide/messages';
import type { Action } from '$lib/domain/roles';
import { allowStaff, notFound } from '$lib/server/auth/page-guard';
import { listRegions } from '$lib/server/db/queries/admin-regions';
import {
	countParticipantsByRole,
	countVerifiedCodes,
	findConferenceDetail,
	listFacilitators
} from '$lib/server/db/queries/admin-conference';
import { countParticipantsByTable } from '$lib/server/db/queries/participants';
import { listStaff } from '$lib/server/db/queries/staff';
import {
	CodesForm,
	ConferenceForm,
	FacilitatorForm,
	MAX_CODES_PER_BATCH,
	parseAdminForm
} from '$lib/server/forms/admin';
import { done, failWith, invalid } from '$lib/server/forms/results';
import { getRuntime } from '$lib/server/runtime';
import * as admin from '$lib/server/services/admin';
import type { RequestEvent } from './$types';

const db = () => getRuntime().database.db;

export const load = async (event) => {
	const staff = await allowStaff(event, 'conference:edit', event.params.conferenceId);
	const conference = await findConferenceDetail(db(), event.params.conferenceId);
	if (!conference) {
		notFound(m.admin_conference_not_found());
	}
	const id = conference.id;
	const [regions, facilitators, byRole, byTable, codes, staffList] = await Promise.all([
		listRegions(db(), conference.roundId),
		listFacilitators(db(), id),
		countParticipantsByRole(db(), id),
		countParticipantsByTable(db(), id),
		countVerifiedCodes(db(), id),
		staff.isAdmin ? listStaff(db()) : Promise.resolve([])
	]);
	return {
		conference,
		regions,
		facilitators,
		participation: { byRole, byTable },
		codes,
		maxCodes: MAX_CODES_PER_BATCH,
		canAssign: staff.isAdmin,
		// Staff who could still be assigned.
		candidates: staffList
			.filter((s) => !facilitators.some((f) => f.id === s.id))
			.map((s) => ({ id: s.id, name: s.name, email: s.email }))
	};
};

/** Checks the right and that the conference exists; returns the posted form. */
async function begin(event: RequestEvent, action: Action) {
	await allowStaff(event, action, event.params.conferenceId);
	if (!(await findConferenceDetail(db(), event.params.conferenceId))) {
		notFound(m.admin_conference_not_found());
	}
	return event.request.formData();
}

export const actions = {
	save: async (event) => {
		const parsed = parseAdminForm(ConferenceForm, await begin(event, 'conference:edit'));
		if (!parsed.ok) {
			return invalid('save', parsed);
		}
		try {
			await admin.editConference(db(), event.params.conferenceId, parsed.data);
		} catch (e) {
			return failWith(e, 'save');
		}
		return done('save', m.admin_saved());
	},
	assign: async (event) => {
		const form = await begin(event, 'conference:assign-facilitator');
		const parsed = parseAdminForm(FacilitatorForm, form);
		if (!parsed.ok) {
			return invalid('assign', parsed);
		}
		try {
			await admin.assignFacilitator(db(), event.params.conferenceId, parsed.data.staffId);
		} catch (e) {
			return failWith(e, 'assign');
		}
		return done('assign', m.admin_facilitator_assigned());
	},
	unassign: async (event) => {
		const form = await begin(event, 'conference:assign-facilitator');
		const parsed = parseAdminForm(FacilitatorForm, form);
		if (!parsed.ok) {
			return invalid('unassign', parsed);
		}
		await admin.unassignFacilitator(db(), event.params.conferenceId, parsed.data.staffId);
		return done('unassign', m.admin_facilitator_unassigned());
	},
	codes: async (event) => {
		const parsed = parseAdminForm(CodesForm, await begin(event, 'conference:edit'));
		if (!parsed.ok) {
			return invalid('codes', parsed);
		}
		try {
			const made = await admin.generateVerifiedCodes(
				db(),
				event.params.conferenceId,
				parsed.data.count
			);
			return done('codes', m.admin_codes_made({ count: made }));
		} catch (e) {
			return failWith(e, 'codes');
		}
	}
};
