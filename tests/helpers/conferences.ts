export interface ListedConference {
	id: string;
	joinCode: string;
}

/** The conferences the front page lists, as a visitor sees them. */
export async function listedConferences(baseUrl: string): Promise<ListedConference[]> {
	const html = await (await fetch(baseUrl + '/')).text();
	const codes = [...html.matchAll(/href="\/j\/([A-Z0-9]{6})"/g)].map((m) => m[1]!);
	const ids = [...html.matchAll(/href="\/c\/([0-9a-f-]{36})\/presenter"/g)].map((m) => m[1]!);
	return codes.map((joinCode, i) => ({ joinCode, id: ids[i]! }));
}
