import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A database handle or an open transaction: query functions accept either. */
export type DbOrTx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
	db: Db;
	/**
	 * What vote batches are written through. On PostgreSQL a connection of its own: votes are
	 * written one batch at a time, and a batch must never queue behind reads waiting for the
	 * shared pool (under load that queue held acknowledgements for a second). PGlite: `db`.
	 */
	votesDb: Db;
	/**
	 * What the presenters' voter counts are read through: on PostgreSQL also a connection of its
	 * own, so that a count never waits behind the facilitators' tallies and the national reads in
	 * the shared pool (it waited p95 1.4 s there in a benchmark run). PGlite: `db`.
	 */
	progressDb: Db;
	kind: 'postgres' | 'pglite';
	ping(): Promise<void>;
	close(): Promise<void>;
}

export interface DbOptions {
	databaseUrl: string | undefined;
	dataDir: string;
	migrationsFolder: string;
}

/** Opens PostgreSQL when a URL is given, else embedded PGlite; applies the committed migrations. */
export async function openDatabase(options: DbOptions): Promise<Database> {
	const database = options.databaseUrl
		? await openPostgres(options.databaseUrl, options.migrationsFolder)
		: await openPglite(options.dataDir, options.migrationsFolder);
	return database;
}

async function openPostgres(url: string, migrationsFolder: string): Promise<Database> {
	const { Pool } = await import('pg');
	const { drizzle } = await import('drizzle-orm/node-postgres');
	const { migrate } = await import('drizzle-orm/node-postgres/migrator');
	const openPool = (max: number, connectionTimeoutMillis: number) => {
		// No JIT: PostgreSQL compiles each execution anew, and the app's counts and groupings,
		// costed above its threshold, run slower with it (measured on a benchmark's data: 90 polls'
		// progress 19 → 28 ms, the national read 175 → 275 ms).
		const options = '-c jit=off';
		const pool = new Pool({ connectionString: url, max, connectionTimeoutMillis, options });
		// A client losing its server (a PostgreSQL restart) must not crash the process: idle ones
		// report to the pool, checked-out ones (in a transaction) to themselves. The query that
		// was running still fails, and its caller answers "try again".
		pool.on('error', () => {});
		pool.on('connect', (client) => client.on('error', () => {}));
		return pool;
	};
	const pool = openPool(10, 5000);
	// Votes are written one batch at a time (and voter counts read one batch at a time), so
	// their connection is only ever waited for while it is (re)opened after an idle spell; on a
	// loaded machine that took longer than 5 s and failed a whole batch. A server that is away
	// still refuses at once (connection refused).
	const votesPool = openPool(1, 15_000);
	const progressPool = openPool(1, 15_000);
	const drizzleOn = (client: typeof pool) => drizzle({ client, schema, casing: 'snake_case' });
	const db = drizzleOn(pool);
	// Several nodes may start at once: one migrates, the others wait.
	const client = await pool.connect();
	try {
		await client.query('select pg_advisory_lock(7214001)');
		await migrate(drizzle({ client, schema, casing: 'snake_case' }), { migrationsFolder });
	} finally {
		await client.query('select pg_advisory_unlock(7214001)').catch(() => {});
		client.release();
	}
	return {
		db: db as unknown as Db,
		votesDb: drizzleOn(votesPool) as unknown as Db,
		progressDb: drizzleOn(progressPool) as unknown as Db,
		kind: 'postgres',
		ping: async () => {
			await db.execute(sql`select 1`);
		},
		close: async () => {
			await Promise.all([pool.end(), votesPool.end(), progressPool.end()]);
		}
	};
}

async function openPglite(dataDir: string, migrationsFolder: string): Promise<Database> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	const inMemory = dataDir.startsWith('memory://');
	const path = inMemory ? dataDir : resolve(dataDir);
	if (!inMemory) {
		// PGlite does not create parent folders.
		mkdirSync(path, { recursive: true });
	}
	// The default initial memory makes PGlite take ~800 MB RSS; 256 MiB is the proven floor.
	const client = await PGlite.create(path, { initialMemory: 256 * 1024 * 1024 });
	const db = drizzle({ client, schema, casing: 'snake_case' });
	await migrate(db, { migrationsFolder });
	return {
		db: db as unknown as Db,
		votesDb: db as unknown as Db,
		progressDb: db as unknown as Db,
		kind: 'pglite',
		ping: async () => {
			await db.execute(sql`select 1`);
		},
		close: () => client.close()
	};
}
