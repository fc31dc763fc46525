/**
 * Validates every content pack under content/ (or the folder given as the first argument).
 * Prints "file: field: message" per problem and exits 1 on any; prints a summary per good pack.
 */
import { relative } from 'node:path';
import { parsePack } from '../src/lib/content/parse';
import type { ContentPack } from '../src/lib/content/schema';
import { listPacks, readPack } from '../src/lib/server/content/read-pack';

function summary(pack: ContentPack) {
	const ballots = pack.questions.reduce((n, q) => n + q.ballots.length, 0);
	const counts = [
		`${pack.sections.length} sections`,
		`${pack.deck.cards.length} cards in ${pack.deck.themes.length} themes`,
		`${pack.facts.length} facts`,
		`${pack.tables.length} tables`,
		`${pack.questions.length} questions`,
		`${ballots} ballots`
	];
	return `ok ${pack.meta.id} ${pack.meta.version}: ${counts.join(', ')}`;
}

async function main(root: string) {
	const packs = await listPacks(root);
	if (packs.length === 0) {
		console.error(`${root}: no content packs found`);
		return 1;
	}
	let failed = false;
	for (const { id, dir } of packs) {
		const result = parsePack(await readPack(dir), { folder: id });
		if (result.ok) {
			console.log(summary(result.pack));
			continue;
		}
		failed = true;
		const shown = relative(process.cwd(), dir) || dir;
		for (const { file, field, message } of result.problems) {
			console.error(`${shown}/${file}: ${field}: ${message}`);
		}
		console.error(`${id}: ${result.problems.length} problem(s)`);
	}
	return failed ? 1 : 0;
}

main(process.argv[2] ?? 'content').then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	}
);
