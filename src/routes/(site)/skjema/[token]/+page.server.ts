import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { AppError } from '$lib/server/errors';
import { getRuntime } from '$lib/server/runtime';
import {
	formByToken,
	saveFormAnswer,
	sendInForm,
	SubmitForm
} from '$lib/server/services/municipality-forms';

const Answer = z.object({ ballotId: z.string().min(1).max(100), value: z.string().max(20_000) });

async function guarded<T>(work: () => Promise<T>) {
	try {
		return await work();
	} catch (e) {
		if (e instanceof AppError) {
			return fail(e.status, { message: e.message });
		}
		throw e;
	}
}

export const load = async ({ params }) => {
	try {
		const { form, questions } = await formByToken(getRuntime().database.db, params.token);
		return {
			municipalityName: form.municipalityName,
			roundName: form.roundName,
			body: form.body,
			submitted: form.submittedAt !== null,
			answers: form.answers,
			questions: questions.map((q) => ({ id: q.id, number: q.number, text: q.text, ballots: q.ballots }))
		};
	} catch (e) {
		if (e instanceof AppError) {
			error(e.status, { message: e.message, code: e.code });
		}
		throw e;
	}
};

export const actions = {
	/** One ballot's answer, sent by the ballot's own form (as JSON in a form field). */
	answer: async ({ params, request }) => {
		const parsed = Answer.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) {
			return fail(400, { message: 'Ugyldig svar.' });
		}
		let value: unknown;
		try {
			value = JSON.parse(parsed.data.value);
		} catch {
			return fail(400, { message: 'Ugyldig svar.' });
		}
		return guarded(async () => {
			const saved = await saveFormAnswer(getRuntime().database.db, params.token, parsed.data.ballotId, value);
			return { saved: parsed.data.ballotId, value: saved };
		});
	},
	send: async ({ params, request }) => {
		const parsed = SubmitForm.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) {
			return fail(400, { message: parsed.error.issues[0]?.message ?? '' });
		}
		return guarded(async () => {
			await sendInForm(getRuntime().database.db, params.token, parsed.data.body);
			return { sent: true };
		});
	}
};
