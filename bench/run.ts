/**
 * `npm run bench`: starts the built app (one node or several), joins simulated phones from
 * separate load processes, and measures ramp-up, a steady state of votes and card draws, a
 * one-second burst, and every phone reconnecting at once. Writes a JSON report and a Markdown
 * summary. `npm run bench -- --help` for the flags; bench/README.md for the method.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { assemble } from './assemble';
import { Fleet } from './fleet';
import { HELP, parseFlags, type BenchOptions } from './flags';
import { Monitor } from './monitor';
import { watchNation, type NationWatch } from './nation';
import {
	burst,
	FIRST_QUESTION,
	phoneSpecs,
	rampUp,
	reconnect,
	steady,
	verify,
	type Bench
} from './phases';
import { measurePhoneJs } from './phone-js';
import { cpuCalibrationMs, loopbackCalibrationMs } from './calibrate';
import { BenchDatabase } from './postgres';
import { summariseProfiles } from './profile';
import { writeReport } from './report';
import { startNode, type BenchNode } from './servers';
import { listConferences, signIn, StaffScreens, type Conference } from './staff';
import { now, sleep } from './stats';
import { Phone } from './phone';
import { rssOf } from './proc';

const began = now();
const log = (message: string) =>
	console.log(`[bench ${((now() - began) / 1000).toFixed(1).padStart(6)} s] ${message}`);

/**
 * Memory the servers hold after a full garbage collection: resident (VmRSS from /proc), and
 * V8 heap + external as the server reports them.
 */
async function memoryNow(nodes: BenchNode[]) {
	const all = await Promise.all(nodes.map((n) => n.memoryAfterGc()));
	return {
		rss: nodes.reduce((sum, n, i) => sum + (rssOf(n.pid) ?? all[i]!.rss), 0),
		heap: all.reduce((sum, m) => sum + m.heapUsed + m.external, 0)
	};
}

/**
 * One participant at table 1 loads the phone pages in Chromium, to weigh their JavaScript; the
 * conference's facilitator moves it to table discussion and then to an open question first.
 */
async function weighPhonePages(url: string, conference: Conference, screens: StaffScreens) {
	const hooks = { polls: () => {}, event: () => {} };
	const spec = { index: 0, node: 0, ...conference, conferenceId: conference.id, table: 1 };
	const phone = new Phone({ ...spec, drawer: false }, url, hooks);
	await phone.join();
	const questionId = FIRST_QUESTION;
	return measurePhoneJs(url, conference, phone.cookie, {
		toTable: () => screens.agenda(conference.id, { type: 'set-stage', stage: 'table' }),
		toVote: async () => {
			await screens.control(conference.id, 'control:question', { questionId, action: 'open' });
			await screens.agenda(conference.id, { type: 'show', item: { type: 'question', questionId } });
		}
	});
}

async function run(options: BenchOptions, command: string) {
	const startedAt = new Date().toISOString();
	const loadAverage = loadavg();
	const calibrationMs = cpuCalibrationMs();
	const loopbackMs = await loopbackCalibrationMs();
	const db = options.databaseUrl ? await BenchDatabase.create(options.databaseUrl) : null;
	const profileDir = options.profile
		? resolve(options.out.replace(/\.json$/, '') + '-profiles')
		: null;
	if (profileDir) {
		mkdirSync(profileDir, { recursive: true });
	}
	const nodeOptions = { databaseUrl: db?.url ?? null, redisUrl: options.redisUrl };
	const nodes: BenchNode[] = [];
	let fleet: Fleet | null = null;
	let nation: NationWatch | null = null;
	const screens = new StaffScreens();
	try {
		log(`starting ${options.nodes} node(s) on ${db ? `PostgreSQL (${db.name})` : 'PGlite'}`);
		// The first node migrates and seeds; the others start once it is up.
		nodes.push(await startNode(0, nodeOptions));
		const more = Array.from({ length: options.nodes - 1 }, (_, i) => startNode(i + 1, nodeOptions));
		nodes.push(...(await Promise.all(more)));
		const monitor = new Monitor(nodes, db !== null, profileDir);
		monitor.start();
		const urls = nodes.map((n) => n.url);
		const conferences = (await listConferences(urls[0]!)).slice(0, options.conferences);
		const staffCookie = await signIn(urls[0]!);
		await screens.watch(urls, conferences, staffCookie);
		nation = await watchNation(urls.at(-1)!, staffCookie);
		const phoneJs = await weighPhonePages(urls[0]!, conferences[0]!, screens);
		log(
			`phone JS (gzip KB): ${JSON.stringify(phoneJs.kb)}; national dashboard: ${nation.connected}`
		);

		fleet = await Fleet.start(urls, phoneSpecs(options, conferences), options.clientsPerWorker);
		monitor.workerPids = fleet.pids;
		monitor.workerLoops = fleet.loops;
		const bench: Bench = { options, nodes, db, monitor, screens, fleet, log };
		await sleep(2000);
		const before = await memoryNow(nodes);

		log(`ramp-up: ${options.participants} phones join, ${options.joinConcurrency} at a time`);
		const joins = await monitor.phase('ramp-up', () => rampUp(bench));
		log(`joined ${joins.reduce((n, j) => n + j.joined, 0)}; holding them idle`);
		await monitor.phase('idle', () => sleep(5000));
		const after = await memoryNow(nodes);
		const counted = [...screens.connected.values()].reduce((n, c) => n + c.connected, 0);

		log(`steady state: ${options.rate} votes/s for ${options.duration} s`);
		db?.startSampling();
		const steadyRun = await monitor.phase('steady', () => steady(bench));
		let burstRun = null;
		if (options.burst > 0) {
			log(`burst: ${options.burst} votes within one second`);
			burstRun = await monitor.phase('burst', () => burst(bench));
		}
		db?.stopSampling();
		await sleep(1500); // the last presenter updates
		log('every phone drops and reconnects at once');
		const reconnectRun = await monitor.phase('reconnect', () => reconnect(bench));
		log('verifying every acknowledged vote against the database');
		const verified = await verify(bench);
		const acked = verified.flatMap((v) => v.acked);
		const sql = db ? await db.verify(acked) : null;
		const tallies = await screens.tallies();
		const postgres = db ? { settings: await db.settings(), activity: db.activity } : null;

		await fleet.stop();
		fleet = null;
		screens.close();
		nation.close();
		await Promise.all(nodes.map((n) => n.stop()));
		monitor.stop();
		const report = assemble({
			options,
			command,
			startedAt,
			loadAverage,
			calibrationMs,
			loopbackMs,
			nodes,
			monitor,
			progress: screens.progress,
			staffErrors: screens.errors,
			staffActionMs: screens.actionMs,
			connectedCountedByServer: counted,
			nation,
			joins,
			memory: {
				rssBefore: before.rss,
				rssAfter: after.rss,
				heapBefore: before.heap,
				heapAfter: after.heap
			},
			steady: steadyRun,
			burst: burstRun,
			reconnect: reconnectRun,
			verify: verified,
			sql,
			tallies,
			postgres,
			phoneJs,
			profile: profileDir ? summariseProfiles(profileDir) : null
		});
		return report;
	} catch (error) {
		for (const line of nodes.flatMap((n) => n.errorLogs).slice(0, 10)) {
			log(`server error: ${line}`);
		}
		throw error;
	} finally {
		await fleet?.stop();
		screens.close();
		nation?.close();
		await Promise.all(nodes.map((n) => n.stop()));
		await db?.close(options.keepDb);
	}
}

async function main() {
	let options: BenchOptions | null;
	try {
		options = parseFlags(process.argv.slice(2));
	} catch (error) {
		console.error(`${(error as Error).message}\n\n${HELP}`);
		process.exit(2);
	}
	if (!options) {
		console.log(HELP);
		return;
	}
	if (!existsSync(`${process.env.BUILD_DIR ?? 'build'}/handler.js`)) {
		console.error('The benchmark runs the built app: run `npm run build` first.');
		process.exit(2);
	}
	const args = process.argv.slice(2).join(' ');
	const report = await run(options, `npm run bench${args ? ` -- ${args}` : ''}`);
	const files = writeReport(report, options.out);
	for (const t of report.targets) {
		log(
			`${t.met === null ? '  -' : t.met ? ' ok' : 'MISS'}  ${t.what}: ${t.measured} (${t.target})`
		);
	}
	log(`report: ${files.json} and ${files.md}`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
