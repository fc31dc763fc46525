import { fail, type DomainError } from './result';

/**
 * A table's dot-vote: which of its discussed cards to raise in plenary. Each person has
 * {@link DOTS_PER_PERSON} dots and may put at most one on a card. Only dots on cards the table
 * has discussed (and still has in its discussed list) count, both in the tally and against a
 * person's dots: after a new theme is dealt, old dots lie dormant instead of being lost.
 */

export const DOTS_PER_PERSON = 3;

export type Dot = { participantId: string; cardId: string };
export type DotCount = { cardId: string; count: number };

export type DotErrorCode = 'not_discussed' | 'no_dots_left';

/** Dots per discussed card, most first; ties keep the order the cards were discussed in. */
export function tallyDots(dots: readonly Dot[], discussed: readonly string[]): DotCount[] {
	const counts = new Map(discussed.map((id) => [id, 0]));
	for (const dot of dots) {
		const count = counts.get(dot.cardId);
		if (count !== undefined) {
			counts.set(dot.cardId, count + 1);
		}
	}
	return discussed
		.map((cardId) => ({ cardId, count: counts.get(cardId) ?? 0 }))
		.filter((c) => c.count > 0)
		.sort((a, b) => b.count - a.count);
}

/** The cards with the most dots (several on a tie); empty before anyone has voted. */
export function topPicks(tally: readonly DotCount[]): DotCount[] {
	const most = tally[0]?.count ?? 0;
	return most === 0 ? [] : tally.filter((c) => c.count === most);
}

/** The cards this person has put a dot on, among the discussed ones. */
export function dotsOf(
	dots: readonly Dot[],
	participantId: string,
	discussed: readonly string[]
): string[] {
	const open = new Set(discussed);
	return dots
		.filter((d) => d.participantId === participantId && open.has(d.cardId))
		.map((d) => d.cardId);
}

/** Whether a person holding dots on `mine` may put one on `cardId`; adding a held dot is fine. */
export function checkDot(
	mine: readonly string[],
	cardId: string,
	discussed: readonly string[]
): { ok: true } | DomainError<DotErrorCode> {
	if (!discussed.includes(cardId)) {
		return fail('not_discussed', 'Dere kan bare prioritere kort dere har drøftet.');
	}
	if (!mine.includes(cardId) && mine.length >= DOTS_PER_PERSON) {
		return fail(
			'no_dots_left',
			`Du har brukt alle de ${DOTS_PER_PERSON} prikkene dine. Ta bort en prikk først.`
		);
	}
	return { ok: true };
}
