import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface PackQuestions {
	questions: { ballots: { id: string; options?: { id: string }[] }[] }[];
}

const pack = JSON.parse(
	readFileSync(resolve('content/ks-2022/questions.json'), 'utf8')
) as PackQuestions;

/** The option ids of a ballot in the bundled pack, in ballot order. */
export function optionIds(ballotId: string): string[] {
	const ballot = pack.questions.flatMap((q) => q.ballots).find((b) => b.id === ballotId);
	if (!ballot?.options) {
		throw new Error(`No ballot with options ${ballotId} in the bundled pack`);
	}
	return ballot.options.map((option) => option.id);
}
