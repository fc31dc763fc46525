import type { BallotOf } from '$lib/domain/ballots/kinds';

/** The words that go with a step: its own label, or the pole it is at. */
export function stepWords(ballot: BallotOf<'scale'>, step: number): string | undefined {
	const own = ballot.labels?.[String(step)];
	if (own) {
		return own;
	}
	if (step === ballot.min) {
		return ballot.poles?.low;
	}
	if (step === ballot.max) {
		return ballot.poles?.high;
	}
	return undefined;
}

/** A step as read out: "1 – Fordeles sentralt", or just "3". */
export function stepText(ballot: BallotOf<'scale'>, step: number): string {
	const words = stepWords(ballot, step);
	return words ? `${step} – ${words}` : String(step);
}
