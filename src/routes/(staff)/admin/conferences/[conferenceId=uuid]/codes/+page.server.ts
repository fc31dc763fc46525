import { m } from '$lib/paraglide/messages';
import { allowStaff, notFound } from '$lib/server/auth/page-guard';
import {
	findConferenceDetail,
	listUnusedVerifiedCodes
} from '$lib/server/db/queries/admin-conference';
import { joinUrl, qrDataUrl } from '$lib/server/join-url';
import { getRuntime } from '$lib/server/runtime';

/** The unused personal codes of a conference, laid out for printing. */
export const load = async (event) => {
	await allowStaff(event, 'conference:edit', event.params.conferenceId);
	const runtime = getRuntime();
	const conference = await findConferenceDetail(runtime.database.db, event.params.conferenceId);
	if (!conference) {
		notFound(m.admin_conference_not_found());
	}
	const url = joinUrl(runtime.config.origin, event.url.origin, conference.joinCode);
	return {
		conference: { id: conference.id, title: conference.title },
		joinUrl: url,
		qr: await qrDataUrl(url),
		codes: await listUnusedVerifiedCodes(runtime.database.db, conference.id)
	};
};
