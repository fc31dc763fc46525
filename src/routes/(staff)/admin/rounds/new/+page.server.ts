import { redirect } from '@sveltejs/kit';
import { allowStaff } from '$lib/server/auth/page-guard';
import { listContentPacks } from '$lib/server/db/queries/admin';
import { parseAdminForm, RoundForm } from '$lib/server/forms/admin';
import { failWith, invalid } from '$lib/server/forms/results';
import { getRuntime } from '$lib/server/runtime';
import { createRound } from '$lib/server/services/admin';

export const load = async (event) => {
	await allowStaff(event, 'round:create');
	return { packs: await listContentPacks(getRuntime().database.db) };
};

export const actions = {
	default: async (event) => {
		await allowStaff(event, 'round:create');
		const parsed = parseAdminForm(RoundForm, await event.request.formData());
		if (!parsed.ok) {
			return invalid('create', parsed);
		}
		let id: string;
		try {
			id = await createRound(getRuntime().database.db, parsed.data);
		} catch (e) {
			return failWith(e, 'create');
		}
		redirect(303, `/admin/rounds/${id}`);
	}
};
