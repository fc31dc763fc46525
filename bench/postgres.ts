import pg from 'pg';
import type { AckedVote } from './messages';
import { canonical } from './stats';

export interface PostgresSettings {
	version: string;
	fsync: string;
	synchronousCommit: string;
	/** Off on these machines: no table is vacuumed or analysed during a run. */
	autovacuum: string;
	maxConnections: string;
}

/** Counters of the run's database (pg_stat_database) and of the WAL (pg_stat_wal). */
export interface PostgresCounters {
	at: number;
	commits: number;
	rollbacks: number;
	walRecords: number;
	walSyncs: number;
}

/** A fresh database on the given PostgreSQL server for one run, dropped afterwards. */
export class BenchDatabase {
	/** What the app's connections were doing, sampled: "state/wait event" → count. */
	readonly activity: Record<string, number> = {};
	private sampler: NodeJS.Timeout | null = null;

	private constructor(
		readonly url: string,
		readonly name: string,
		private readonly base: string,
		private readonly client: pg.Client
	) {}

	static async create(base: string): Promise<BenchDatabase> {
		const name = `droft_bench_${process.pid}_${Date.now()}`;
		const admin = new pg.Client({ connectionString: base });
		await admin.connect();
		await admin.query(`create database ${name}`);
		await admin.end();
		const url = new URL(base);
		url.pathname = `/${name}`;
		const client = new pg.Client({ connectionString: url.toString() });
		await client.connect();
		return new BenchDatabase(url.toString(), name, base, client);
	}

	async settings(): Promise<PostgresSettings> {
		const get = async (name: string) =>
			(await this.client.query<{ v: string }>(`select current_setting($1) as v`, [name])).rows[0]!
				.v;
		return {
			version: await get('server_version'),
			fsync: await get('fsync'),
			synchronousCommit: await get('synchronous_commit'),
			autovacuum: await get('autovacuum'),
			maxConnections: await get('max_connections')
		};
	}

	async counters(): Promise<PostgresCounters> {
		const db = await this.client.query<{ c: string; r: string }>(
			'select xact_commit as c, xact_rollback as r from pg_stat_database where datname = $1',
			[this.name]
		);
		const wal = await this.client.query<{ records: string; syncs: string }>(
			'select wal_records as records, wal_sync as syncs from pg_stat_wal'
		);
		return {
			at: Date.now(),
			commits: Number(db.rows[0]?.c ?? 0),
			rollbacks: Number(db.rows[0]?.r ?? 0),
			walRecords: Number(wal.rows[0]?.records ?? 0),
			walSyncs: Number(wal.rows[0]?.syncs ?? 0)
		};
	}

	/** Samples what the app's connections wait on, every `everyMs`, until stopSampling(). */
	startSampling(everyMs = 250) {
		const sample = async () => {
			const { rows } = await this.client.query<{ what: string }>(
				`select state || '/' || coalesce(wait_event_type || ':' || wait_event, 'cpu') as what
				 from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
				[this.name]
			);
			for (const { what } of rows) {
				this.activity[what] = (this.activity[what] ?? 0) + 1;
			}
		};
		this.sampler = setInterval(() => void sample().catch(() => {}), everyMs);
	}

	stopSampling() {
		if (this.sampler) {
			clearInterval(this.sampler);
		}
	}

	/**
	 * Compares every phone's last acknowledged vote with the votes table: lost = acknowledged
	 * but stored differently or not at all; duplicated = more than one row for a phone and poll.
	 */
	async verify(acked: AckedVote[]) {
		const { rows } = await this.client.query<{ p: string; poll: string; value: unknown }>(
			'select participant_id as p, poll_id as poll, value from votes'
		);
		const stored = new Map<string, string[]>();
		for (const row of rows) {
			const key = `${row.p} ${row.poll}`;
			stored.set(key, [...(stored.get(key) ?? []), canonical(row.value)]);
		}
		let lost = 0;
		const samples: string[] = [];
		for (const [participantId, pollId, value] of acked) {
			const found = stored.get(`${participantId} ${pollId}`) ?? [];
			if (found.length !== 1 || found[0] !== value) {
				lost++;
				if (samples.length < 10) {
					samples.push(`${participantId} ${pollId}: acked ${value}, stored ${found.join(' | ')}`);
				}
			}
		}
		const duplicated = [...stored.values()].reduce((n, v) => n + v.length - 1, 0);
		return { rows: rows.length, lost, duplicated, samples };
	}

	/** Stops sampling and drops the database (unless kept). */
	async close(keep: boolean) {
		this.stopSampling();
		await this.client.end();
		if (keep) {
			return;
		}
		const admin = new pg.Client({ connectionString: this.base });
		await admin.connect();
		await admin.query(`drop database if exists ${this.name} with (force)`);
		await admin.end();
	}
}
