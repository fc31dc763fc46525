import type { Tally } from './ballots';
import { isTooSmall } from './tally';

export interface Unit {
	id: string;
	tally: Tally;
}

/**
 * Which of a parent's children must be withheld so that no small group can be worked out by
 * subtracting the shown children from the shown parent. Every child with fewer than `minGroup`
 * voters is withheld (primary suppression). If the withheld children's voters add up to more
 * than 0 but fewer than `minGroup`, the smallest shown child is withheld too (complementary
 * suppression; ties by id), so the difference covers at least `minGroup` voters.
 */
export function unitsToWithhold(children: readonly Unit[], minGroup: number): Set<string> {
	const withheld = children.filter((child) => isTooSmall(child.tally, minGroup));
	const hidden = new Set(withheld.map((child) => child.id));
	const hiddenVoters = withheld.reduce((sum, child) => sum + child.tally.voters, 0);
	if (hiddenVoters === 0 || hiddenVoters >= minGroup) {
		return hidden;
	}
	const [smallestShown] = children
		.filter((child) => !hidden.has(child.id))
		.sort((a, b) => a.tally.voters - b.tally.voters || compareIds(a.id, b.id));
	if (smallestShown) {
		hidden.add(smallestShown.id);
	}
	return hidden;
}

function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
