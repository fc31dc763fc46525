// Loaded into each server by the benchmark only (`node --expose-gc --import ./bench/probe.js
// server.js`), never by the app. Every second it prints one JSON line on stdout: the event-loop
// lag samples of that second, the event-loop utilisation and the process's memory. It takes
// commands as JSON lines on stdin: a full garbage collection then the memory left ("gc"), and a
// CPU profile of one phase ("profile-start", then "profile-stop" with the file to write).
// With PostgreSQL each line also counts the SQL statements the server sent in that second, the
// rows they brought back, and how long each wait for one of the pool's connections took.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { sampleLoop } from './loop-sampler.js';
import { countStatements, measurePoolWaits } from './statements.js';

const print = (line) =>
	process.stdout.write(
		JSON.stringify({ ...line, at: performance.timeOrigin + performance.now() }) + '\n'
	);

function memory() {
	const { rss, heapUsed, external } = process.memoryUsage();
	return { rss, heapUsed, external };
}

// The server's own node-postgres (one module instance: the server resolves it from its folder).
const pg = createRequire(join(process.cwd(), 'server.js'))('pg');
const statements = countStatements(pg);
const poolWaits = measurePoolWaits(pg);

sampleLoop(({ lags, elu }) => {
	const { sent, rows } = statements.take();
	print({
		msg: 'bench:probe',
		lags,
		elu,
		...memory(),
		statements: sent,
		rowsRead: rows,
		poolWaits: poolWaits.take()
	});
});

const session = new Session();
const commands = {
	gc: async () => {
		globalThis.gc?.();
		// V8 hands the pages a collection emptied back to the system from a background thread,
		// a moment later; the memory a server holds is read once that is done.
		await new Promise((resolve) => setTimeout(resolve, 1000));
		print({ msg: 'bench:memory', ...memory() });
	},
	'profile-start': async () => {
		session.connect();
		await session.post('Profiler.enable');
		await session.post('Profiler.start');
		print({ msg: 'bench:profiling' });
	},
	'profile-stop': async ({ file }) => {
		const { profile } = await session.post('Profiler.stop');
		session.disconnect();
		writeFileSync(file, JSON.stringify(profile));
		print({ msg: 'bench:profiled', file });
	}
};

const input = createInterface({ input: process.stdin });
input.on('line', (line) => {
	const command = JSON.parse(line);
	commands[command.cmd](command).catch((error) =>
		print({ msg: 'bench:probe-failed', error: String(error) })
	);
});
// The server decides when to exit; an open stdin must not keep it alive. When the benchmark
// itself is gone (stdin closed), the server shuts down as on SIGTERM instead of lingering.
process.stdin.unref();
input.on('close', () => process.kill(process.pid, 'SIGTERM'));
