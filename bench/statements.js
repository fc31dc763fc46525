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

/**
 * Counts every statement the server sends through node-postgres (`Client#query`, which the
 * pool's queries and drizzle's go through too). `take()` returns the counts since the last take.
 */
export function countStatements(pg) {
	let counts = new Map();
	const query = pg.Client.prototype.query;
	pg.Client.prototype.query = function (config, ...rest) {
		const text = typeof config === 'string' ? config : config?.text;
		if (text !== undefined) {
			const shape = statementShape(text);
			counts.set(shape, (counts.get(shape) ?? 0) + 1);
		}
		return query.call(this, config, ...rest);
	};
	return {
		take() {
			const taken = Object.fromEntries(counts);
			counts = new Map();
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
