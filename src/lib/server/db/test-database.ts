/** For the database tests only (never imported by app code). */
import { resolve } from 'node:path';
import { createLogger } from '../log';
import { seedDemoIfEmpty } from '../services/seed';
import { openDatabase, type Database } from './index';

/** A PGlite database in memory, migrated and seeded with the demo round. */
export async function openSeededMemoryDatabase(): Promise<Database> {
	const database = await openDatabase({
		databaseUrl: undefined,
		dataDir: 'memory://',
		migrationsFolder: resolve('drizzle')
	});
	const quiet = createLogger('error', {}, () => {});
	await seedDemoIfEmpty(database.db, quiet, { adminPassword: undefined, createAdmin: false });
	return database;
}
