import { z } from 'zod';
import { validateVote } from '$lib/domain/ballots';
import { isEligible } from '$lib/domain/ballots/condition';
import type { VoteValue } from '$lib/domain/ballots/types';
import { AppError } from '../errors';
import type { Db } from '../db';
import { hashToken, randomToken } from '../auth/tokens';
import {
	findFormByTokenHash,
	formsOfRound,
	saveFormAnswers,
	submitForm,
	upsertFormToken
} from '../db/queries/municipality-forms';
import { packById } from './content';

export const FORM_PATH = '/skjema/';

/**
 * Opens a form for every municipality of the round that has none yet (or, with `renew`, gives
 * every one a new link). Links are shown once: only their hashes are stored.
 */
export async function openMunicipalityForms(db: Db, roundId: string, renew = false) {
	const all = await formsOfRound(db, roundId);
	const links: { municipalityCode: string; municipalityName: string; path: string }[] = [];
	await db.transaction(async (tx) => {
		for (const m of all) {
			if (m.formId && !renew) {
				continue;
			}
			const token = randomToken();
			await upsertFormToken(tx, roundId, m.municipalityCode, hashToken(token));
			links.push({ ...m, path: FORM_PATH + token });
		}
	});
	return links;
}

/** The form behind a link, with its round's questions; throws when the link is unknown. */
export async function formByToken(db: Db, token: string) {
	const form = await findFormByTokenHash(db, hashToken(token));
	if (!form) {
		throw new AppError('not_found', 'Lenken er ukjent eller erstattet av en ny.');
	}
	const pack = await packById(db, form.contentPackId);
	return { form, questions: pack?.questions ?? [] };
}

/** Saves the body's answer to one ballot, validated like a live vote; open until the round closes. */
export async function saveFormAnswer(db: Db, token: string, ballotId: string, value: unknown) {
	const { form, questions } = await formByToken(db, token);
	if (form.roundStatus === 'closed' || form.roundStatus === 'archived') {
		throw new AppError('poll_closed', 'Runden er avsluttet; skjemaet kan ikke endres.');
	}
	const ballot = questions.flatMap((q) => q.ballots).find((b) => b.id === ballotId);
	if (!ballot) {
		throw new AppError('not_found', 'Spørsmålet finnes ikke.');
	}
	const check = validateVote(ballot, value);
	if (!check.ok) {
		throw new AppError('invalid_vote', check.message);
	}
	const prior = new Map(Object.entries(form.answers) as [string, VoteValue][]);
	if (ballot.condition && !isEligible(ballot, prior)) {
		throw new AppError(
			'forbidden',
			'Dette spørsmålet gjelder bare dem som svarte det som utløser det.'
		);
	}
	await saveFormAnswers(db, form.id, { ...form.answers, [ballotId]: check.value });
	return check.value;
}

export const SubmitForm = z.object({
	body: z.string().trim().min(2, 'Skriv hvem som har svart, f.eks. «Formannskapet».').max(120)
});

/** Marks the form sent in by the named body (it can still be corrected until the round closes). */
export async function sendInForm(db: Db, token: string, body: string, now = new Date()) {
	const { form } = await formByToken(db, token);
	if (Object.keys(form.answers).length === 0) {
		throw new AppError('bad_request', 'Svar på minst ett spørsmål før dere sender inn.');
	}
	await submitForm(db, form.id, body, now);
}
