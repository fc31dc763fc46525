type Level = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
	debug(msg: string, fields?: Record<string, unknown>): void;
	info(msg: string, fields?: Record<string, unknown>): void;
	warn(msg: string, fields?: Record<string, unknown>): void;
	error(msg: string, fields?: Record<string, unknown>): void;
	child(context: Record<string, unknown>): Logger;
}

/** A JSON-lines logger: one line per event on stdout (errors on stderr). */
export function createLogger(
	level: Level,
	context: Record<string, unknown> = {},
	write: (line: string, level: Level) => void = defaultWrite
): Logger {
	const emit = (lvl: Level, msg: string, fields?: Record<string, unknown>) => {
		if (RANK[lvl] < RANK[level]) {
			return;
		}
		const line = {
			time: new Date().toISOString(),
			level: lvl,
			msg,
			...context,
			...serialise(fields)
		};
		write(JSON.stringify(line), lvl);
	};
	return {
		debug: (m, f) => emit('debug', m, f),
		info: (m, f) => emit('info', m, f),
		warn: (m, f) => emit('warn', m, f),
		error: (m, f) => emit('error', m, f),
		child: (more) => createLogger(level, { ...context, ...more }, write)
	};
}

function serialise(fields?: Record<string, unknown>): Record<string, unknown> {
	if (!fields) {
		return {};
	}
	const out: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(fields)) {
		out[key] = describe(value);
	}
	return out;
}

/**
 * A value as it can be read in a JSON line. An error keeps its name, message and stack (and its
 * cause, or an AggregateError's errors); a thrown non-error that JSON would show as `{}` or drop
 * (a class instance, a function, `undefined`) says what it was, so a log line never loses what
 * failed.
 */
function describe(value: unknown, depth = 0): unknown {
	if (value instanceof Error) {
		const error: Record<string, unknown> = {
			name: value.name,
			message: value.message,
			stack: value.stack
		};
		if (depth < 2 && value.cause !== undefined) {
			error.cause = describe(value.cause, depth + 1);
		}
		if (depth < 2 && value instanceof AggregateError) {
			error.errors = value.errors.slice(0, 5).map((e) => describe(e, depth + 1));
		}
		return error;
	}
	if (value === undefined || typeof value === 'function' || typeof value === 'symbol') {
		return { type: typeof value, value: String(value) };
	}
	if (value !== null && typeof value === 'object' && showsAsEmpty(value)) {
		return { type: value.constructor?.name ?? 'object', value: String(value) };
	}
	return value;
}

function defaultWrite(line: string, level: Level) {
	(level === 'error' ? process.stderr : process.stdout).write(line + '\n');
}

/** An instance JSON.stringify would write as `{}`: no own fields and no `toJSON`. */
function showsAsEmpty(value: object): boolean {
	const prototype: unknown = Object.getPrototypeOf(value);
	return (
		prototype !== Object.prototype &&
		prototype !== null &&
		!Array.isArray(value) &&
		Object.keys(value).length === 0 &&
		typeof (value as { toJSON?: unknown }).toJSON !== 'function'
	);
}
