import { describe, expect, it } from 'vitest';
import { countStatements, statementShape } from './statements.js';

describe('statementShape', () => {
	it('folds placeholder lists, so one query with more ids is the same kind', () => {
		const one = statementShape('select "id" from "polls" where "polls"."id" in ($1)');
		const three = statementShape('select "id" from "polls"\n  where "polls"."id" in ($1, $2,$3)');
		expect(one).toBe('select "id" from "polls" where "polls"."id" in ($…)');
		expect(three).toBe(one);
	});

	it('keeps statements that differ apart, and cuts long ones', () => {
		expect(statementShape('begin')).not.toBe(statementShape('commit'));
		const long = statementShape('select ' + '"a", '.repeat(100) + '"b" from "t"');
		expect(long).toHaveLength(120);
		expect(long.endsWith('…')).toBe(true);
	});
});

describe('countStatements', () => {
	it('counts text and config queries by shape, and starts over after each take', () => {
		const sent: unknown[] = [];
		class Client {
			query(config: unknown) {
				sent.push(config);
				return 'result';
			}
		}
		const counter = countStatements({ Client });
		const client = new Client();
		expect(client.query('begin')).toBe('result');
		client.query({ text: 'select 1 where x in ($1, $2)', values: [1, 2] });
		client.query({ text: 'select 1 where x in ($1)', values: [1] });
		expect(sent).toHaveLength(3);
		expect(counter.take()).toEqual({ begin: 1, 'select 1 where x in ($…)': 2 });
		expect(counter.take()).toEqual({});
	});
});
