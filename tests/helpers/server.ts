import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface TestServer {
	url: string;
	port: number;
	/** Every JSON log line the server printed so far. */
	logs: Record<string, unknown>[];
	/** SIGTERM and wait for the exit code. */
	stop(): Promise<number | null>;
	process: ChildProcess;
}

export interface ServerOptions {
	/** PostgreSQL URL; omitted → PGlite in memory. */
	databaseUrl?: string | null;
	redisUrl?: string | null;
	env?: Record<string, string>;
}

/** Starts the built app (`node server.js`) on a free port and waits until it listens. */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
	const env: Record<string, string> = {
		PATH: process.env.PATH ?? '',
		...(process.env.BUILD_DIR ? { BUILD_DIR: process.env.BUILD_DIR } : {}),
		PORT: '0',
		HOST: '127.0.0.1',
		LOG_LEVEL: 'info',
		DATA_DIR: 'memory://',
		DEMO_ADMIN_PASSWORD: 'demo-passord-123',
		...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
		...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
		...options.env
	};
	const child = spawn(process.execPath, ['server.js'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	const logs: Record<string, unknown>[] = [];
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('server did not start in 60 s')), 60_000);
		const stderr: string[] = [];
		createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
		createInterface({ input: child.stdout! }).on('line', (line) => {
			const entry = parseLine(line);
			logs.push(entry);
			if (entry.msg === 'listening' && typeof entry.port === 'number') {
				clearTimeout(timer);
				resolve(entry.port);
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}: ${stderr.join('\n')}`));
		});
	});
	return {
		url: `http://127.0.0.1:${port}`,
		port,
		logs,
		process: child,
		stop: () => stopProcess(child)
	};
}

export function stopProcess(child: ChildProcess): Promise<number | null> {
	if (child.exitCode !== null || child.signalCode !== null) {
		return Promise.resolve(child.exitCode);
	}
	return new Promise((resolve) => {
		child.once('exit', (code) => resolve(code));
		child.kill('SIGTERM');
	});
}

function parseLine(line: string): Record<string, unknown> {
	try {
		return JSON.parse(line) as Record<string, unknown>;
	} catch {
		return { msg: line };
	}
}
