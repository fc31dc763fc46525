import pg from 'pg';

/**
 * A new, empty PostgreSQL database on the server of `base`, for a test that changes demo data
 * other files read (the run's shared database stays as they expect). `drop` removes it.
 */
export async function freshDatabase(base: string, label: string) {
	const name = `droft_it_${label}_${process.pid}_${Date.now()}`;
	const admin = async (sql: string) => {
		const client = new pg.Client({ connectionString: base });
		await client.connect();
		await client.query(sql);
		await client.end();
	};
	await admin(`create database ${name}`);
	const url = new URL(base);
	url.pathname = `/${name}`;
	return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
