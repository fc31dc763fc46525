import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { normaliseJoinCode } from '$lib/domain/join-code';
import { findConferenceByJoinCode } from '$lib/server/db/queries/conferences';
import { getRuntime } from '$lib/server/runtime';

export const load = async ({ params }) => {
	const code = normaliseJoinCode(params.code);
	const conference = code
		? await findConferenceByJoinCode(getRuntime().database.db, code)
		: undefined;
	if (!conference) {
		error(404, {
			message: m.join_unknown_code({ code: params.code.toUpperCase() }),
			code: 'unknown_code'
		});
	}
	return { conference };
};
