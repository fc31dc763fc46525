import { existsSync } from 'node:fs';
import pg from 'pg';
import { createClient } from 'redis';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		/** A fresh PostgreSQL database for this run, when DATABASE_URL is set. */
		postgresUrl: string | null;
		redisUrl: string | null;
	}
}

/**
 * Integration tests run the built server (`node server.js`), as production does. When
 * DATABASE_URL is set, each run gets its own new database on that server, dropped at the end.
 */
export default async function setup(project: TestProject) {
	if (!existsSync(`${process.env.BUILD_DIR ?? 'build'}/handler.js`)) {
		throw new Error('Integration tests run the built app: run `npm run build` first.');
	}
	const base = process.env.DATABASE_URL;
	project.provide('redisUrl', await freshRedis(process.env.REDIS_URL));
	if (!base) {
		project.provide('postgresUrl', null);
		console.warn(
			'\n[integration] DATABASE_URL is not set: PostgreSQL and multi-node tests are SKIPPED.' +
				'\n[integration] Set DATABASE_URL and REDIS_URL (as .ci/run does) to run them.\n'
		);
		return;
	}
	const name = `droft_it_${process.pid}_${Date.now()}`;
	const admin = new pg.Client({ connectionString: base });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(base);
	url.pathname = `/${name}`;
	project.provide('postgresUrl', url.toString());

	return async () => {
		const client = new pg.Client({ connectionString: base });
		await client.connect();
		await client.query(`drop database if exists ${name} with (force)`);
		await client.end();
	};
}

/**
 * The tests' own Redis database (10, unless the URL names one), emptied first: rate-limit
 * counters that an earlier run left (joins per address, shared through Redis) would otherwise
 * refuse this run's joins.
 */
async function freshRedis(base: string | undefined): Promise<string | null> {
	if (!base) {
		return null;
	}
	const url = new URL(base);
	if (url.pathname === '' || url.pathname === '/') {
		url.pathname = '/10';
	}
	const client = createClient({ url: url.toString() });
	await client.connect();
	await client.flushDb();
	await client.quit();
	return url.toString();
}
