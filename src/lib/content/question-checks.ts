import { checkBallotRules, checkConditions } from './ballot-rules';
import { dangling, unique, type Parts, type Report } from './parts';

type RawQuestions = { questions?: { ballots?: unknown[] }[] } | undefined;

/** Question numbers and ids, ballot ids across the pack, each ballot's rules and conditions. */
export function checkQuestions(parts: Parts, report: Report) {
	const { questions, files } = parts;
	const raw = (parts.questionsRaw as RawQuestions)?.questions ?? [];
	const inFile = (field: string, message: string) => report(files.questions, field, message);
	unique(
		inFile,
		questions,
		(q) => q.id,
		(i) => `questions.${i}.id`
	);
	unique(
		inFile,
		questions,
		(q) => q.number,
		(i) => `questions.${i}.number`
	);
	// Votes are stored by ballot id, so it must be unique in the whole pack, not just a question.
	const ballots = questions.flatMap((q, i) => q.ballots.map((b, j) => ({ id: b.id, i, j })));
	const ballotAt = (k: number) => `questions.${ballots[k]?.i}.ballots.${ballots[k]?.j}.id`;
	unique(inFile, ballots, (b) => b.id, ballotAt);
	questions.forEach((question, i) => {
		const at = (field: string, message: string) => inFile(`questions.${i}.${field}`, message);
		if (dangling(parts, 'packThemes', question.themeId)) {
			at('themeId', `unknown theme "${question.themeId}"`);
		}
		question.ballots.forEach((ballot, j) => {
			const rawBallot = raw[i]?.ballots?.[j] ?? {};
			checkBallotRules(ballot, rawBallot, (field, message) => at(`ballots.${j}.${field}`, message));
		});
		checkConditions(question, at);
		// Each question is asked in one place, so the UI knows which page it belongs to.
		const placed = parts.sections.filter((s) => s.questions?.includes(question.id)).length;
		if (parts.sections.length > 0 && placed !== 1) {
			at('id', `is listed in ${placed} booklet sections; list it in exactly one`);
		}
	});
}
