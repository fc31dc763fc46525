import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { AppError } from '$lib/server/errors';
import { getRuntime } from '$lib/server/runtime';
import { joinableConference, joinConference, JoinForm } from '$lib/server/services/joining';
import { municipalitiesForConference } from '$lib/server/db/queries/municipalities';
import {
	cookieOptions,
	PARTICIPANT_COOKIE,
	PARTICIPANT_COOKIE_DAYS
} from '$lib/server/auth/cookies';

/** Unknown codes per address in 10 minutes: plenty for typos in a hall behind one NAT, too few to guess. */
const UNKNOWN_CODES_PER_IP = 100;
/** Joins per address per minute: a whole hall may share one public address. */
const JOINS_PER_IP = 600;

async function conferenceForCode(code: string, address: string) {
	const { database, limiter } = getRuntime();
	try {
		return await joinableConference(database.db, code);
	} catch (e) {
		if (e instanceof AppError && e.code === 'unknown_code') {
			if (!(await limiter.allow(`unknown-code:${address}`, UNKNOWN_CODES_PER_IP, 600))) {
				throw new AppError(
					'rate_limited',
					'For mange ukjente koder. Vent noen minutter og prøv igjen.'
				);
			}
		}
		throw e;
	}
}

export const load = async ({ params, locals, getClientAddress }) => {
	const { db } = getRuntime().database;
	let conference;
	try {
		conference = await conferenceForCode(params.code, getClientAddress());
	} catch (e) {
		if (e instanceof AppError) {
			const message =
				e.code === 'unknown_code'
					? m.join_unknown_code({ code: params.code.toUpperCase() })
					: e.message;
			error(e.status, { message, code: e.code });
		}
		throw e;
	}
	// A phone that already joined this conference goes straight back to it.
	if (locals.participant?.conferenceId === conference.id) {
		redirect(303, `/c/${conference.id}`);
	}
	return { conference, municipalities: await municipalitiesForConference(db, conference.id) };
};

export const actions = {
	default: async ({ params, request, cookies, url, getClientAddress }) => {
		const address = getClientAddress();
		if (!(await getRuntime().limiter.allow(`join:${address}`, JOINS_PER_IP, 60))) {
			return fail(429, {
				values: undefined,
				field: '',
				message: 'For mange forsøk. Vent litt og prøv igjen.'
			});
		}
		const form = Object.fromEntries(await request.formData());
		const values = {
			municipality: String(form.municipality ?? ''),
			role: String(form.role ?? ''),
			table: String(form.table ?? '')
		};
		const parsed = JoinForm.safeParse(form);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return fail(400, {
				values,
				field: String(issue?.path[0] ?? ''),
				message: issue?.message ?? ''
			});
		}
		let joined;
		try {
			await conferenceForCode(params.code, address);
			joined = await joinConference(getRuntime().database.db, params.code, parsed.data);
		} catch (e) {
			if (e instanceof AppError) {
				return fail(e.status, {
					values,
					field: e.code === 'forbidden' ? 'personalCode' : '',
					message: e.message
				});
			}
			throw e;
		}
		cookies.set(
			PARTICIPANT_COOKIE,
			joined.token,
			cookieOptions(url.protocol === 'https:', PARTICIPANT_COOKIE_DAYS)
		);
		redirect(303, `/c/${joined.conference.id}`);
	}
};
