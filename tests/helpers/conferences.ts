export interface ListedConference {
	id: string;
	joinCode: string;
}

/** The round every fresh database is seeded with. */
export const DEMO_ROUND = 'Strategikonferansene 2022';

/**
 * The conferences the front page lists, as a visitor sees them: those of `round` (the demo
 * round by default, so rounds other tests create on a shared database do not shift the list),
 * or of every round when `round` is null.
 */
export async function listedConferences(
	baseUrl: string,
	round: string | null = DEMO_ROUND
): Promise<ListedConference[]> {
	const html = await (await fetch(baseUrl + '/')).text();
	const sections = html.split('<section').slice(1);
	const wanted =
		round === null
			? sections
			: sections.filter((s) => s.includes(`id="round-${round}"`) || s.includes(`>${round}<`));
	return wanted.flatMap((section) => {
		const codes = [...section.matchAll(/href="\/j\/([A-Z0-9]{6})"/g)].map((m) => m[1]!);
		const ids = [...section.matchAll(/href="\/c\/([0-9a-f-]{36})\/presenter"/g)].map((m) => m[1]!);
		return codes.map((joinCode, i) => ({ joinCode, id: ids[i]! }));
	});
}
