import { describe, expect, it } from 'vitest';
import { countStatements, measurePoolWaits, statementShape } from './statements.js';

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
	/** Like node-postgres's Client: a callback if the last argument is one, else a promise. */
	function fakeClientClass(rowsFor: (text: string) => unknown) {
		const sent: unknown[] = [];
		class Client {
			query(config: unknown, ...rest: unknown[]) {
				sent.push(config);
				const text = typeof config === 'string' ? config : (config as { text: string }).text;
				const callback = rest.at(-1);
				if (typeof callback === 'function') {
					callback(null, rowsFor(text));
					return undefined;
				}
				return Promise.resolve(rowsFor(text));
			}
		}
		return { Client, sent };
	}

	it('counts text and config queries by shape, and starts over after each take', async () => {
		const { Client, sent } = fakeClientClass(() => ({ rows: [] }));
		const counter = countStatements({ Client });
		const client = new Client();
		await expect(client.query('begin')).resolves.toEqual({ rows: [] });
		await client.query({ text: 'select 1 where x in ($1, $2)', values: [1, 2] });
		await client.query({ text: 'select 1 where x in ($1)', values: [1] });
		expect(sent).toHaveLength(3);
		expect(counter.take().sent).toEqual({ begin: 1, 'select 1 where x in ($…)': 2 });
		expect(counter.take().sent).toEqual({});
	});

	it('counts the rows each kind brought back, by callback and by promise', async () => {
		const rows = (n: number) => ({ rows: Array.from({ length: n }, (_, i) => ({ i })) });
		const { Client } = fakeClientClass((text) =>
			text.startsWith('begin') ? [rows(0), rows(2)] : rows(text.includes('many') ? 500 : 1)
		);
		const counter = countStatements({ Client });
		const client = new Client();
		let answered: unknown;
		void client.query('select many', [], (_: unknown, result: unknown) => (answered = result));
		expect(answered).toEqual(rows(500));
		await client.query({ text: 'select many' });
		await client.query({ text: 'select one' });
		await client.query('begin; select 2');
		expect(counter.take().rows).toEqual({
			'select many': 1000,
			'select one': 1,
			'begin; select 2': 2
		});
		expect(counter.take().rows).toEqual({});
	});
});

describe('measurePoolWaits', () => {
	/** A pool class with one connection: a second request waits until the first is released. */
	function onePoolClass() {
		let busy = false;
		const queue: (() => void)[] = [];
		const grant = (cb: (err: null, release: () => void) => void) => {
			busy = true;
			cb(null, () => {
				busy = false;
				queue.shift()?.();
			});
		};
		const request = (cb: (err: null, release: () => void) => void) =>
			busy ? queue.push(() => grant(cb)) : grant(cb);
		// Like pg-pool: a promise without a callback, and no call back into connect().
		class Pool {
			connect(cb?: (err: null, release: () => void) => void): Promise<() => void> | void {
				if (!cb) {
					return new Promise((resolve) => request((_, release) => resolve(release)));
				}
				request(cb);
			}
		}
		return Pool;
	}

	it('records how long each request for a connection waited, by callback or promise', async () => {
		const Pool = onePoolClass();
		const waits = measurePoolWaits({ Pool });
		const measured = new Pool();
		const first = await (measured.connect() as Promise<() => void>);
		let second: (() => void) | undefined;
		void measured.connect((_, release) => (second = release));
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(second).toBeUndefined();
		first();
		expect(second).toBeTypeOf('function');
		const taken = waits.take();
		expect(taken).toHaveLength(2);
		expect(taken[0]).toBeLessThan(10);
		expect(taken[1]).toBeGreaterThanOrEqual(25);
		expect(waits.take()).toEqual([]);
	});
});
