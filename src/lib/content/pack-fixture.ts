import { stringify } from 'yaml';

/** A small valid pack as plain objects, for tests to break one thing at a time. */
export function fixtureObjects() {
	return {
		pack: {
			id: 'test-pack',
			version: '2022.1',
			title: 'Testpakke',
			language: 'nb',
			themes: [{ id: 'tariff', title: 'Hovedtariffoppgjøret' }],
			sources: [{ id: '004', title: 'Debatthefte', year: 2022, publisher: 'KS' }]
		},
		deck: {
			title: 'Kortstokk',
			sourceRef: '004 L1',
			groups: [{ id: 'andre-temaer', title: 'Andre temaer' }],
			themes: [
				{
					id: 'ledelse',
					title: 'God ledelse',
					groupId: 'andre-temaer',
					colour: '#1d4e89',
					sourceRef: '004 L1'
				}
			],
			cards: [
				{
					id: 'kort-01',
					number: 1,
					themeId: 'ledelse',
					text: 'Hva er god ledelse?',
					section: 'S',
					source: '004 L2'
				},
				{
					id: 'kort-02',
					number: 2,
					themeId: 'ledelse',
					text: 'Hvem leder?',
					section: 'S',
					source: '004 L3'
				}
			]
		} as Record<string, unknown> & {
			cards: Record<string, unknown>[];
			themes: Record<string, unknown>[];
		},
		facts: {
			themes: [{ id: 'lonn', title: 'Lønn' }],
			facts: [
				{
					id: 'lonnsvekst',
					text: 'Lønnsveksten var 2,5 prosent.',
					figure: '2,5 %',
					year: 2016,
					source: 'KS',
					sourceRef: '004 L440',
					themeIds: ['lonn'],
					tableId: 'lonnsvekst'
				}
			] as Record<string, unknown>[]
		},
		tables: {
			tables: [
				{
					id: 'lonnsvekst',
					title: 'Årslønnsvekst',
					unit: 'Prosent',
					source: 'KS',
					sourceRef: '004 L440',
					rowHeader: 'År',
					columns: [{ id: 'samlet', label: 'Samlet' }],
					rows: [{ label: '2016', values: [2.5] }]
				}
			]
		},
		questions: {
			questions: [
				{
					id: 'sporsmal-1',
					number: 1,
					themeId: 'tariff',
					text: 'Hvis rammen fordeles sentralt; hvem?',
					sourceRef: '004 L459',
					ballots: [
						{
							id: 'profil',
							kind: 'single',
							title: 'Profil',
							source: '004 L459',
							options: [
								{ id: 'generell', label: 'Generell', source: '004 L460' },
								{ id: 'omfordeling', label: 'Omfordeling', source: '004 L461' }
							]
						},
						{
							id: 'grupper',
							kind: 'multiple',
							title: 'I så fall hvilke?',
							condition: { ballotId: 'profil', optionIds: ['omfordeling'] },
							options: [
								{ id: 'sykepleiere', label: 'Sykepleiere', source: '004 L313' },
								{ id: 'laerere', label: 'Lærere', source: '004 L435' }
							],
							min: 1,
							max: 2
						},
						{
							id: 'tema',
							kind: 'points',
							title: 'Tema',
							options: [
								{ id: 'a', label: 'A', source: '004 L537' },
								{ id: 'b', label: 'B', source: '004 L588' }
							],
							budget: 10,
							cap: 6
						},
						{
							id: 'skala',
							kind: 'scale',
							title: 'Skala',
							source: '004 L454',
							min: 1,
							max: 5,
							poles: { low: 'Sentralt', high: 'Lokalt' }
						},
						{ id: 'kommentar', kind: 'text', title: 'Kommentar', maxLength: 500 }
					] as Record<string, unknown>[]
				}
			]
		},
		sections: {
			'booklet/01-innledning.md': {
				front: {
					id: 'innledning',
					order: 1,
					title: 'Innledning',
					theme: 'tariff',
					sourceRef: '004 L1–20',
					facts: ['lonnsvekst'],
					tables: ['lonnsvekst'],
					questions: ['sporsmal-1']
				} as Record<string, unknown>,
				body: 'Første avsnitt.\n\n## Mellomtittel\n\nAndre avsnitt.'
			}
		} as Record<string, { front: Record<string, unknown>; body: string }>
	};
}

export type FixtureObjects = ReturnType<typeof fixtureObjects>;

/** The fixture as the file texts `parsePack` takes, after an optional change. */
export function fixtureFiles(change?: (pack: FixtureObjects) => void): Record<string, string> {
	const objects = fixtureObjects();
	change?.(objects);
	const json = (value: unknown) => JSON.stringify(value, null, '\t');
	const files: Record<string, string> = {
		'pack.json': json(objects.pack),
		'deck.json': json(objects.deck),
		'facts.json': json(objects.facts),
		'tables.json': json(objects.tables),
		'questions.json': json(objects.questions)
	};
	for (const [path, { front, body }] of Object.entries(objects.sections)) {
		files[path] = `---\n${stringify(front)}---\n\n${body}\n`;
	}
	return files;
}
