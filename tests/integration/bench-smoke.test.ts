import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { BenchReport } from '../../bench/report';

const postgresUrl = inject('postgresUrl');
const redisUrl = inject('redisUrl');
const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), 'droft-bench-'));

/** Every key issue 8 asks of the report. */
const KEYS = [
	'participants',
	'conferences',
	'nodes',
	'durableVotesPerSecond',
	'ackLatencyMs.p50',
	'ackLatencyMs.p95',
	'ackLatencyMs.p99',
	'presenterLatencyMs.p50',
	'presenterLatencyMs.p95',
	'presenterLatencyMs.p99',
	'crossNodePresenterLatencyMs',
	'joinMs.p50',
	'joinMs.p95',
	'memoryPerConnectionKB',
	'rssMB',
	'eventLoopDelayMs.p50',
	'eventLoopDelayMs.p99',
	'lostVotes',
	'duplicatedVotes',
	'errors',
	'reconnectAllMs',
	'phoneJsGzipKB.join',
	'phoneJsGzipKB.table',
	'phoneJsGzipKB.vote',
	'machine.cpuCalibrationMs',
	'machine.loopbackCalibrationMs',
	'command',
	'startedAt'
];

/** Runs the benchmark as `npm run bench` does, small, and reads its JSON report. */
async function bench(name: string, flags: string[]): Promise<BenchReport> {
	const out = join(folder, `${name}.json`);
	// Only what the flags say: no DATABASE_URL or REDIS_URL picked up from the environment.
	const env = { ...process.env, DATABASE_URL: '', REDIS_URL: '' };
	await run(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...flags, '--out', out], {
		env,
		maxBuffer: 16 * 1024 * 1024
	});
	return JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
}

function expectSound(report: BenchReport, participants: number) {
	for (const key of KEYS) {
		expect(report, key).toHaveProperty(key);
	}
	expect(report.connected).toBe(participants);
	expect(report.verification.checked).toBeGreaterThan(0);
	expect(report.lostVotes).toBe(0);
	expect(report.duplicatedVotes).toBe(0);
	expect(report.errors, JSON.stringify(report.errorDetails)).toBe(0);
	expect(report.machine.cpuCalibrationMs).toBeGreaterThan(0);
	expect(report.machine.loopbackCalibrationMs).toBeGreaterThan(0);
}

afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the benchmark (a small run, so it cannot rot; targets are for `npm run bench`)', () => {
	const database = postgresUrl ? ['--database-url', postgresUrl] : [];

	it('runs 200 phones in 2 conferences on one node and loses no vote', async () => {
		const flags = ['--participants', '200', '--conferences', '2', '--duration', '5'];
		const openings = ['--openings', 'apart'];
		const report = await bench('one-node', [...flags, '--rate', '100', ...openings, ...database]);
		expectSound(report, 200);
		expect(report.nodes).toBe(1);
		expect(report.crossNodePresenterLatencyMs).toBeNull();
		expect(report.burst?.acked).toBe(200);
		// Every acknowledged vote of the steady state sits in one window of its timeline.
		const timeline = report.steady.ackTimeline;
		expect(timeline.reduce((n, w) => n + w.votes, 0)).toBe(report.steady.votesAcked);
		expect(timeline[0]).toMatchObject({ fromS: 0, p50: expect.any(Number) });
		expect(report.steady.openings).toBe('apart');
		// Phones dropped one at a time meanwhile came back showing what the phones that stayed
		// show: the polls, the table's deck, their own votes.
		expect(report.reconnectOne.phones).toBeGreaterThan(0);
		expect(report.reconnectOne.ms!.max).toBeGreaterThan(0);
		expect(report.reconnectOne.connectMs!.p50).toBeLessThanOrEqual(report.reconnectOne.ms!.p50);
		expect(report.reconnectOne.stale, report.reconnectOne.staleSamples.join('\n')).toBe(0);
		// And at the end every phone shows the polls as the server has them: no change was lost.
		expect(report.steady.phonesBehind).toMatchObject({ checked: 200, behind: 0 });
		// The load process (one for 200 phones) times the answers: its own event loop is measured.
		const generators = report.phases.steady!.loop.loadGenerators;
		expect(generators.utilisation).toHaveLength(1);
		expect(generators.eventLoopDelayMs).toMatchObject({ p50: expect.any(Number) });
		// Weighed in a browser on each screen: the deck and the ballots load only where shown.
		const files = report.phoneJsFiles;
		expect(files.table!.filter((f) => !files.vote!.includes(f))).not.toEqual([]);
		expect(files.vote!.filter((f) => !files.table!.includes(f))).not.toEqual([]);
		expect(report.phoneJsGzipKB.join).toBeLessThan(report.phoneJsGzipKB.table);
		// On PostgreSQL the servers' SQL is counted per phase: the votes' write among it, with
		// the rows it brought back (each batch's polls that were still open).
		const sql = report.phases.steady!.statements;
		if (postgresUrl) {
			expect(sql!.perSecond).toBeGreaterThan(0);
			const write = sql!.top.find((t) => t.statement.startsWith('with open_polls as'));
			expect(write!.rowsPerSecond).toBeGreaterThan(0);
			expect(sql!.rowsPerSecond).toBeGreaterThanOrEqual(write!.rowsPerSecond);
			expect(sql!.mostRows.length).toBeGreaterThan(0);
		} else {
			expect(sql).toBeNull();
		}
	}, 240_000);

	it.skipIf(!postgresUrl || !redisUrl)(
		'runs 100 phones across two nodes over Redis (needs DATABASE_URL and REDIS_URL)',
		async () => {
			const flags = ['--participants', '100', '--conferences', '2', '--duration', '4'];
			const report = await bench('two-nodes', [
				...flags,
				...['--rate', '50', '--nodes', '2', '--redis-url', redisUrl!, ...database]
			]);
			expectSound(report, 100);
			expect(report.nodes).toBe(2);
			expect(report.steady.openings).toBe('together');
			expect(report.crossNodePresenterLatencyMs).not.toBeNull();
		},
		240_000
	);
});
