import type { Question } from '$lib/content/schema';

/**
 * Ballot kinds and options the KS 2022 pack does not use (a table answer, a labelled scale,
 * points with a cap, a full ranking), so the preview shows every form. Made up: never seeded.
 */
export const EXTRA_QUESTION: Question = {
	id: 'eksempel',
	number: 99,
	themeId: 'tariff',
	text: 'Eksempel (ikke fra debattheftet): hvordan vil dere at kommunen skal jobbe med heltid?',
	sourceRef: '004 L1',
	ballots: [
		{
			id: 'eks-enighet',
			kind: 'scale',
			title: 'Heltid bør være hovedregelen',
			min: 1,
			max: 5,
			labels: {
				'1': 'Helt uenig',
				'2': 'Litt uenig',
				'3': 'Verken eller',
				'4': 'Litt enig',
				'5': 'Helt enig'
			}
		},
		{
			id: 'eks-tiltak',
			kind: 'points',
			title: 'Fordel poeng på tiltakene',
			budget: 5,
			cap: 3,
			options: [
				{ id: 'turnus', label: 'Nye turnusordninger' },
				{ id: 'rekruttering', label: 'Rekruttering til hele stillinger' },
				{ id: 'kompetanse', label: 'Kompetanseheving' }
			]
		},
		{
			id: 'eks-rekkefolge',
			kind: 'ranking',
			title: 'Ranger alle tre',
			options: [
				{ id: 'ledelse', label: 'Ledelse' },
				{ id: 'tillitsvalgte', label: 'Samarbeid med tillitsvalgte' },
				{ id: 'okonomi', label: 'Økonomi' }
			]
		},
		{
			id: 'eks-bordet',
			kind: 'table',
			title: 'Bordets svar: hva er det viktigste tiltaket?',
			maxLength: 500
		}
	]
};

/** Sample open-text answers, as participants might write them. */
export const SAMPLE_ANSWERS = [
	'Lokale behov varierer mye mellom kommunene. Vi trenger handlingsrom for å rekruttere.',
	'Sentral fordeling gir forutsigbarhet og likebehandling.',
	'Dette svaret er skjult av ordstyreren.',
	'Sykepleiere og lærere må prioriteres – der er mangelen størst.',
	'Mer heltid løser mye av rekrutteringsproblemet.'
];
