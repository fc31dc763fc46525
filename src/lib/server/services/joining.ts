import { z } from 'zod';
import { AppError } from '../errors';
import type { Db } from '../db';
import { findConferenceByJoinCode, getAgenda } from '../db/queries/conferences';
import { municipalitiesForConference } from '../db/queries/municipalities';
import { claimVerifiedCode, insertParticipant, tableIdFor } from '../db/queries/participants';
import { PARTICIPANT_ROLES } from '$lib/domain/participant-role';
import { hashToken, randomToken } from '../auth/tokens';
import { normaliseJoinCode } from '$lib/domain/join-code';

export const OTHER_MUNICIPALITY = 'annet';
export const MAX_TABLE_NUMBER = 200;

/** The join form, as posted from a phone. */
export const JoinForm = z.object({
	municipality: z.string().trim().min(1, 'Velg kommune.').max(20),
	role: z.enum(PARTICIPANT_ROLES, { message: 'Velg rolle.' }),
	table: z
		.string()
		.trim()
		.regex(/^\d{0,3}$/, 'Bordnummer må være et tall.')
		.transform((t) => (t === '' ? null : Number(t)))
		.refine(
			(t) => t === null || (t >= 1 && t <= MAX_TABLE_NUMBER),
			`Bordnummer må være fra 1 til ${MAX_TABLE_NUMBER}.`
		),
	personalCode: z.string().trim().max(20).optional()
});
export type JoinForm = z.infer<typeof JoinForm>;

/** A conference that can be joined right now, by its join code; throws a clear error otherwise. */
export async function joinableConference(db: Db, rawCode: string) {
	const code = normaliseJoinCode(rawCode);
	const conference = code ? await findConferenceByJoinCode(db, code) : undefined;
	if (!conference) {
		throw new AppError('unknown_code', 'Vi fant ingen konferanse med den koden.');
	}
	if (conference.status === 'draft') {
		throw new AppError('locked', 'Konferansen har ikke åpnet ennå.');
	}
	if (conference.status === 'closed') {
		throw new AppError('locked', 'Konferansen er avsluttet.');
	}
	const agenda = await getAgenda(db, conference.id);
	if (agenda?.locked || agenda?.stage === 'ended') {
		throw new AppError('locked', 'Konferansen er stengt for nye deltakere.');
	}
	return conference;
}

/**
 * Joins a phone to a conference as an anonymous participant: one transaction, so a used
 * personal code or a full conference never leaves half a participant. Returns the cookie token.
 */
export async function joinConference(db: Db, rawCode: string, form: JoinForm, now = new Date()) {
	const conference = await joinableConference(db, rawCode);
	const municipalityCode = await checkMunicipality(db, conference.id, form.municipality);
	if (conference.verified && !form.personalCode) {
		throw new AppError('bad_request', 'Skriv inn den personlige koden du har fått.');
	}
	const token = randomToken();
	const participantId = await db.transaction(async (tx) => {
		const tableId = form.table === null ? null : await tableIdFor(tx, conference.id, form.table);
		const id = await insertParticipant(tx, {
			conferenceId: conference.id,
			tokenHash: hashToken(token),
			municipalityCode,
			role: form.role,
			tableId
		});
		if (conference.verified) {
			const code = form.personalCode!.replace(/[\s-]/g, '').toUpperCase();
			if (!(await claimVerifiedCode(tx, conference.id, code, id, now))) {
				throw new AppError('forbidden', 'Den personlige koden er ukjent eller allerede brukt.');
			}
		}
		return id;
	});
	return { conference, participantId, token };
}

async function checkMunicipality(db: Db, conferenceId: string, code: string) {
	if (code === OTHER_MUNICIPALITY) {
		return null;
	}
	const known = await municipalitiesForConference(db, conferenceId);
	if (!known.some((m) => m.code === code)) {
		throw new AppError('bad_request', 'Velg en kommune fra listen.');
	}
	return code;
}
