import { describe, expect, it } from 'vitest';
import { AppError, toAppErrorJson } from './errors';

const newId = () => 'error-id';

/** As drizzle throws it: its own error, with the driver's in `cause`. */
function failedQuery(driverMessage: string) {
	return new Error('Failed query: select 1', { cause: new Error(driverMessage) });
}

describe('toAppErrorJson', () => {
	it('passes an AppError on as it is', () => {
		expect(toAppErrorJson(new AppError('not_found', 'Finnes ikke.'), newId)).toEqual({
			code: 'not_found',
			message: 'Finnes ikke.'
		});
	});

	it('answers "try again" when no database connection came free in time', () => {
		const json = toAppErrorJson(failedQuery('timeout exceeded when trying to connect'), newId);
		expect(json).toEqual({
			code: 'unavailable',
			message: 'Tjenesten er midlertidig utilgjengelig. Prøv igjen.'
		});
	});

	it('answers "try again" when the database went away', () => {
		expect(toAppErrorJson(failedQuery('Connection terminated unexpectedly'), newId).code).toBe(
			'unavailable'
		);
	});

	it('hides anything else behind an id to look up in the log', () => {
		expect(toAppErrorJson(failedQuery('duplicate key value'), newId)).toEqual({
			code: 'internal',
			message: 'Noe gikk galt. Prøv igjen.',
			id: 'error-id'
		});
	});
});
