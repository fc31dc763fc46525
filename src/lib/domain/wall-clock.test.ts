import { describe, expect, it } from 'vitest';
import { wallClock, wallClockDate } from './wall-clock';

describe('wallClock', () => {
	it('shows Norwegian winter and summer time', () => {
		expect(wallClock(new Date('2022-02-03T09:15:02Z'))).toBe('2022-02-03 10:15:02');
		expect(wallClock(new Date('2022-06-03T22:30:00Z'))).toBe('2022-06-04 00:30:00');
	});

	it('gives a zoneless date with the same wall-clock fields', () => {
		expect(wallClockDate(new Date('2022-02-03T09:15:02Z')).toISOString()).toBe(
			'2022-02-03T10:15:02.000Z'
		);
	});
});
