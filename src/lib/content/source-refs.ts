import type { Parts, Report } from './parts';

// "004 L454–456", "000 L224–228, L297" or "004 L1; 000 L2": each source id before an "L".
const SOURCE_IDS = /(?:^|[;,] ?)(\d{3}) L/g;

/** Every source reference in the pack must name a source listed in pack.json. */
export function checkSourceRefs(parts: Parts, report: Report) {
	const known = parts.declared.sources;
	if (!known) {
		return;
	}
	const check = (file: string, field: string, ref: string | undefined) => {
		for (const [, id] of (ref ?? '').matchAll(SOURCE_IDS)) {
			if (id && !known.has(id)) {
				report(file, field, `unknown source "${id}" (not in pack.json)`);
			}
		}
	};
	const { files } = parts;
	parts.meta.themes.forEach((t, i) => check(files.meta, `themes.${i}.sourceRef`, t.sourceRef));
	check(files.deck, 'sourceRef', parts.deck.sourceRef);
	parts.deck.themes.forEach((t, i) => check(files.deck, `themes.${i}.sourceRef`, t.sourceRef));
	parts.deck.cards.forEach((c, i) => check(files.deck, `cards.${i}.source`, c.source));
	parts.facts.forEach((f, i) => check(files.facts, `facts.${i}.sourceRef`, f.sourceRef));
	parts.tables.forEach((t, i) => check(files.tables, `tables.${i}.sourceRef`, t.sourceRef));
	parts.sections.forEach((s) => check(s.file, 'sourceRef', s.sourceRef));
	parts.questions.forEach((q, i) => {
		check(files.questions, `questions.${i}.sourceRef`, q.sourceRef);
		q.ballots.forEach((b, j) => {
			const at = `questions.${i}.ballots.${j}`;
			check(files.questions, `${at}.source`, b.source);
			if (!('options' in b)) {
				return;
			}
			b.options.forEach((o, k) => check(files.questions, `${at}.options.${k}.source`, o.source));
		});
	});
}
