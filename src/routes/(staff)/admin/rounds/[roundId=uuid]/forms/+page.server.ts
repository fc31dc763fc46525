import type { RequestEvent } from '@sveltejs/kit';
import { allowStaff, notFound } from '$lib/server/auth/page-guard';
import { getRuntime } from '$lib/server/runtime';
import { findRound } from '$lib/server/db/queries/admin';
import { formsOfRound } from '$lib/server/db/queries/municipality-forms';
import { openMunicipalityForms } from '$lib/server/services/municipality-forms';
import { audit } from '$lib/server/services/audit';

export const load = async (event) => {
	await allowStaff(event, 'round:edit');
	const { db } = getRuntime().database;
	const round = await findRound(db, event.params.roundId);
	if (!round) {
		notFound();
	}
	const forms = await formsOfRound(db, round.id);
	return {
		round: { id: round.id, name: round.name },
		forms: forms.map((f) => ({
			code: f.municipalityCode,
			name: f.municipalityName,
			hasLink: f.formId !== null,
			body: f.body,
			submitted: f.submittedAt !== null
		}))
	};
};

async function open(event: RequestEvent<{ roundId: string }>, renew: boolean) {
	const staff = await allowStaff(event, 'round:edit');
	const { database, config } = getRuntime();
	const links = await openMunicipalityForms(database.db, event.params.roundId, renew);
	await audit(database.db, staff, {
		action: 'round:edit',
		roundId: event.params.roundId,
		details: { municipalityForms: renew ? 'renewed' : 'opened', count: links.length }
	});
	const origin = config.origin ?? event.url.origin;
	return { links: links.map((l) => ({ name: l.municipalityName, url: origin + l.path })) };
}

export const actions = {
	open: (event) => open(event, false),
	renew: (event) => open(event, true)
};
