import { describe, expect, it } from 'vitest';
import { DOTS_PER_PERSON, checkDot, dotsOf, tallyDots, topPicks } from './table-picks';

const dot = (participantId: string, cardId: string) => ({ participantId, cardId });

describe('a table dot-vote', () => {
	it('counts dots on discussed cards only, most first, ties in discussed order', () => {
		const dots = [dot('a', 'k2'), dot('b', 'k2'), dot('a', 'k1'), dot('c', 'k3'), dot('a', 'old')];
		expect(tallyDots(dots, ['k1', 'k3', 'k2'])).toEqual([
			{ cardId: 'k2', count: 2 },
			{ cardId: 'k1', count: 1 },
			{ cardId: 'k3', count: 1 }
		]);
	});

	it('picks every card sharing the most dots, and none before anyone voted', () => {
		expect(topPicks([])).toEqual([]);
		expect(
			topPicks([
				{ cardId: 'k1', count: 2 },
				{ cardId: 'k2', count: 2 },
				{ cardId: 'k3', count: 1 }
			]).map((c) => c.cardId)
		).toEqual(['k1', 'k2']);
	});

	it('gives each person a limited number of dots, counting only open cards', () => {
		const discussed = ['k1', 'k2', 'k3', 'k4'];
		const dots = [dot('a', 'k1'), dot('a', 'k2'), dot('a', 'k3'), dot('a', 'gone'), dot('b', 'k4')];
		const mine = dotsOf(dots, 'a', discussed);
		expect(mine).toEqual(['k1', 'k2', 'k3']);
		expect(mine).toHaveLength(DOTS_PER_PERSON);
		expect(checkDot(mine, 'k4', discussed)).toMatchObject({ ok: false, code: 'no_dots_left' });
		expect(checkDot(mine, 'k1', discussed)).toEqual({ ok: true });
		expect(checkDot(dotsOf(dots, 'b', discussed), 'k1', discussed)).toEqual({ ok: true });
	});

	it('refuses a dot on a card the table has not discussed', () => {
		expect(checkDot([], 'k9', ['k1'])).toMatchObject({ ok: false, code: 'not_discussed' });
	});
});
