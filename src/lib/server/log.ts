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
		out[key] =
			value instanceof Error
				? { name: value.name, message: value.message, stack: value.stack }
				: value;
	}
	return out;
}

function defaultWrite(line: string, level: Level) {
	(level === 'error' ? process.stderr : process.stdout).write(line + '\n');
}
