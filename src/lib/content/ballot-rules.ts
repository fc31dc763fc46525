import { Ballot, BallotOption } from '../domain/ballots/schema';
import { SourceRef, type PackBallot, type Question } from './schema';

type Report = (field: string, message: string) => void;

const OPTION_KEYS = new Set(Object.keys(BallotOption.shape));
// The shared Ballot schema drops unknown keys silently; a misspelt "topk" would vanish unseen.
const BALLOT_KEYS = new Map(
	Ballot.options.map((kind) => [
		kind.shape.kind.value,
		new Set([...Object.keys(kind.shape), 'source'])
	])
);

function hasOptions(ballot: PackBallot) {
	return 'options' in ballot ? ballot.options : undefined;
}

/** Rules a single ballot must meet that its schema alone cannot express. */
export function checkBallotRules(ballot: PackBallot, raw: unknown, report: Report) {
	const known = BALLOT_KEYS.get(ballot.kind);
	for (const key of Object.keys(raw as object)) {
		if (!known?.has(key)) {
			report(key, 'unknown field');
		}
	}
	const options = hasOptions(ballot);
	if (options) {
		checkOptions(options, raw, report);
	}
	if (ballot.kind === 'multiple') {
		if (ballot.max > ballot.options.length) {
			report('max', 'must not exceed the number of options');
		}
		if (ballot.min > ballot.max) {
			report('min', 'must not exceed max');
		}
	}
	if (
		ballot.kind === 'ranking' &&
		ballot.topK !== undefined &&
		ballot.topK > ballot.options.length
	) {
		report('topK', 'must not exceed the number of options');
	}
	if (ballot.kind === 'points' && ballot.cap !== undefined && ballot.cap > ballot.budget) {
		report('cap', 'must not exceed budget');
	}
	if (ballot.kind === 'scale') {
		checkScale(ballot, report);
	}
}

function checkOptions(options: BallotOption[], raw: unknown, report: Report) {
	const rawOptions = (raw as { options?: unknown[] }).options ?? [];
	const seen = new Set<string>();
	options.forEach((option, i) => {
		if (seen.has(option.id)) {
			report(`options.${i}.id`, `duplicate option id "${option.id}"`);
		}
		seen.add(option.id);
		if (!option.source) {
			report(`options.${i}.source`, 'required: where the option comes from');
		} else if (!SourceRef.safeParse(option.source).success) {
			report(`options.${i}.source`, 'must start with a source id and a line, e.g. "004 L454–456"');
		}
		for (const key of Object.keys((rawOptions[i] ?? {}) as object)) {
			if (!OPTION_KEYS.has(key)) {
				report(`options.${i}.${key}`, 'unknown field');
			}
		}
	});
}

function checkScale(ballot: Extract<PackBallot, { kind: 'scale' }>, report: Report) {
	if (ballot.min >= ballot.max) {
		report('max', 'must be greater than min');
	}
	for (const key of Object.keys(ballot.labels ?? {})) {
		const step = Number(key);
		if (!Number.isInteger(step) || step < ballot.min || step > ballot.max) {
			report(`labels.${key}`, `must be a whole step from ${ballot.min} to ${ballot.max}`);
		}
	}
}

/**
 * A condition must point to an earlier single or multiple choice ballot of the same question,
 * and to options that ballot has: the follow-up is shown to those who chose them.
 */
export function checkConditions(question: Question, report: Report) {
	question.ballots.forEach((ballot, index) => {
		const condition = ballot.condition;
		if (!condition) {
			return;
		}
		const at = `ballots.${index}.condition`;
		const targetIndex = question.ballots.findIndex((b) => b.id === condition.ballotId);
		const target = question.ballots[targetIndex];
		if (!target) {
			report(`${at}.ballotId`, `unknown ballot "${condition.ballotId}" in this question`);
			return;
		}
		if (targetIndex >= index) {
			report(`${at}.ballotId`, `must refer to an earlier ballot ("${condition.ballotId}" is not)`);
			return;
		}
		if (target.kind !== 'single' && target.kind !== 'multiple') {
			report(`${at}.ballotId`, 'must refer to a single or multiple choice ballot');
			return;
		}
		const ids = new Set(target.options.map((o) => o.id));
		condition.optionIds.forEach((id, i) => {
			if (!ids.has(id)) {
				report(`${at}.optionIds.${i}`, `"${target.id}" has no option "${id}"`);
			}
		});
	});
}
