import { m } from '$lib/paraglide/messages';
import { allowStaff, notFound } from '$lib/server/auth/page-guard';
import { findRound, listContentPacks, listOverviewConferences } from '$lib/server/db/queries/admin';
import { listRegions } from '$lib/server/db/queries/admin-regions';
import {
	ConferenceForm,
	parseAdminForm,
	RegionEditForm,
	RegionForm,
	RegionIdForm,
	RoundForm
} from '$lib/server/forms/admin';
import { done, failWith, invalid } from '$lib/server/forms/results';
import { getRuntime } from '$lib/server/runtime';
import * as admin from '$lib/server/services/admin';
import type { Action } from '$lib/domain/roles';
import type { RequestEvent } from './$types';

const db = () => getRuntime().database.db;

export const load = async (event) => {
	await allowStaff(event, 'round:edit');
	const id = event.params.roundId;
	const round = await findRound(db(), id);
	if (!round) {
		notFound(m.admin_round_not_found());
	}
	const [regions, packs, conferences] = await Promise.all([
		listRegions(db(), id),
		listContentPacks(db()),
		listOverviewConferences(db(), { roundId: id })
	]);
	return { round, regions, packs, conferences };
};

/** Checks the right and that the round exists; returns the posted form. */
async function begin(event: RequestEvent, action: Action) {
	await allowStaff(event, action);
	if (!(await findRound(db(), event.params.roundId))) {
		notFound(m.admin_round_not_found());
	}
	return event.request.formData();
}

export const actions = {
	save: async (event) => {
		const parsed = parseAdminForm(RoundForm, await begin(event, 'round:edit'));
		if (!parsed.ok) {
			return invalid('save', parsed);
		}
		try {
			await admin.editRound(db(), event.params.roundId, parsed.data);
		} catch (e) {
			return failWith(e, 'save');
		}
		return done('save', m.admin_saved());
	},
	addCounties: async (event) => {
		await begin(event, 'round:edit');
		const added = await admin.addTodaysCounties(db(), event.params.roundId);
		return done('addCounties', m.admin_counties_added({ count: added }));
	},
	addRegion: async (event) => {
		const parsed = parseAdminForm(RegionForm, await begin(event, 'round:edit'));
		if (!parsed.ok) {
			return invalid('addRegion', parsed);
		}
		try {
			await admin.addRegion(db(), event.params.roundId, parsed.data);
		} catch (e) {
			return failWith(e, 'addRegion');
		}
		return done('addRegion', m.admin_region_added({ name: parsed.data.name }));
	},
	editRegion: async (event) => {
		const form = await begin(event, 'round:edit');
		const target = String(form.get('regionId') ?? '');
		const parsed = parseAdminForm(RegionEditForm, form);
		if (!parsed.ok) {
			return invalid('editRegion', parsed, target);
		}
		const { regionId, ...values } = parsed.data;
		try {
			await admin.editRegion(db(), event.params.roundId, regionId, values);
		} catch (e) {
			return failWith(e, 'editRegion', target);
		}
		return done('editRegion', m.admin_saved(), target);
	},
	removeRegion: async (event) => {
		const form = await begin(event, 'round:edit');
		const target = String(form.get('regionId') ?? '');
		const parsed = parseAdminForm(RegionIdForm, form);
		if (!parsed.ok) {
			return invalid('removeRegion', parsed, target);
		}
		try {
			await admin.removeRegion(db(), event.params.roundId, parsed.data.regionId);
		} catch (e) {
			return failWith(e, 'removeRegion', target);
		}
		return done('removeRegion', m.admin_region_removed());
	},
	createConference: async (event) => {
		const parsed = parseAdminForm(ConferenceForm, await begin(event, 'conference:create'));
		if (!parsed.ok) {
			return invalid('createConference', parsed);
		}
		try {
			await admin.createConference(db(), event.params.roundId, parsed.data);
		} catch (e) {
			return failWith(e, 'createConference');
		}
		return done('createConference', m.admin_conference_created({ title: parsed.data.title }));
	}
};
