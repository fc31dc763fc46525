import { describe, expect, it } from 'vitest';
import { accept, amount, reject } from './check';

describe('check', () => {
	it('builds accepted and rejected checks', () => {
		expect(accept({ kind: 'scale', value: 3 })).toEqual({
			ok: true,
			value: { kind: 'scale', value: 3 }
		});
		expect(reject('Nei.')).toEqual({ ok: false, code: 'invalid_vote', message: 'Nei.' });
	});

	it('writes "ett" for one of a neuter noun', () => {
		expect(amount(1, 'alternativ', 'alternativer')).toBe('ett alternativ');
		expect(amount(3, 'alternativ', 'alternativer')).toBe('3 alternativer');
		expect(amount(0, 'poeng', 'poeng')).toBe('0 poeng');
	});
});
