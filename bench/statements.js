// Used by probe.js (plain JavaScript: the probe is loaded into the server by `node --import`).

const MAX_LENGTH = 120;

/**
 * A SQL statement's shape, to count statements by kind: whitespace collapsed, lists of
 * placeholders folded (`in ($1, $2, $3)` and `in ($1)` are one kind), cut to 120 characters.
 */
export function statementShape(text) {
	const shape = String(text)
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/\$\d+(?:\s*,\s*\$\d+)*/g, '$…');
	return shape.length > MAX_LENGTH ? shape.slice(0, MAX_LENGTH - 1) + '…' : shape;
}

/** Rows in a node-postgres result: one result, or one per statement of a multi-statement text. */
function rowsIn(result) {
	const results = Array.isArray(result) ? result : [result];
	return results.reduce((sum, r) => sum + (Array.isArray(r?.rows) ? r.rows.length : 0), 0);
}

/**
 * Counts every statement the server sends through node-postgres (`Client#query`, which the
 * pool's queries and drizzle's go through too), and the rows each kind brought back: a read
 * that returns thousands of rows costs the server's event loop as much as thousands of votes.
 * `take()` returns both since the last take, by shape: `{ sent, rows }`.
 */
export function countStatements(pg) {
	let sent = new Map();
	let rows = new Map();
	const add = (map, shape, n) => map.set(shape, (map.get(shape) ?? 0) + n);
	const query = pg.Client.prototype.query;
	pg.Client.prototype.query = function (config, ...rest) {
		const text = typeof config === 'string' ? config : config?.text;
		if (text === undefined) {
			return query.call(this, config, ...rest);
		}
		const shape = statementShape(text);
		add(sent, shape, 1);
		const counted = (result) => add(rows, shape, rowsIn(result));
		// node-postgres answers a callback (the pool's own queries) or else a promise (drizzle's).
		const last = rest.length - 1;
		if (typeof rest[last] === 'function') {
			const callback = rest[last];
			rest[last] = (error, result) => {
				if (!error) {
					counted(result);
				}
				return callback(error, result);
			};
			return query.call(this, config, ...rest);
		}
		const answer = query.call(this, config, ...rest);
		if (typeof answer?.then === 'function') {
			answer.then(counted, () => {});
		}
		return answer;
	};
	return {
		take() {
			const taken = { sent: Object.fromEntries(sent), rows: Object.fromEntries(rows) };
			sent = new Map();
			rows = new Map();
			return taken;
		}
	};
}

/**
 * Measures how long each request for a pooled connection waited (`Pool#connect`, which the
 * pool's own queries and every transaction go through): a full pool makes work queue here,
 * out of sight of PostgreSQL. `take()` returns the waits in ms since the last take.
 */
export function measurePoolWaits(pg) {
	let waits = [];
	const connect = pg.Pool.prototype.connect;
	pg.Pool.prototype.connect = function (callback) {
		const start = performance.now();
		const done = () => waits.push(Math.round((performance.now() - start) * 10) / 10);
		if (typeof callback === 'function') {
			return connect.call(this, (...args) => {
				done();
				return callback(...args);
			});
		}
		const connected = connect.call(this);
		connected.then(done, done);
		return connected;
	};
	return {
		take() {
			const taken = waits;
			waits = [];
			return taken;
		}
	};
}
