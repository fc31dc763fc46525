import type { PhaseLoop, StatementRate } from './monitor';
import type { BenchReport } from './report';
import type { Percentiles } from './stats';

const pct = (p: Partial<Percentiles> | null | undefined) =>
	p ? [p.p50, p.p95, p.p99].filter((n) => n !== undefined).join(' / ') : '—';
const mark = (met: boolean | null) => (met === null ? '—' : met ? 'yes' : '**no**');

function figures(r: BenchReport): string[] {
	return [
		'| figure | value |',
		'| --- | --- |',
		`| connected participants (counted by the server) | ${r.connected} (${r.connectedCountedByServer}) |`,
		`| join p50 / p95 (form post → socket → hello) | ${pct(r.joinMs)} ms, ${r.joinsPerSecond} joins/s |`,
		`| durable votes/s (offered) | ${r.durableVotesPerSecond} (${r.offeredVotesPerSecond}) |`,
		`| vote → ack p50 / p95 / p99 | ${pct(r.ackLatencyMs)} ms |`,
		`| vote → presenter p50 / p95 / p99, same node | ${pct(r.presenterLatencyMs)} ms |`,
		`| vote → presenter p50 / p95 / p99, across nodes | ${pct(r.crossNodePresenterLatencyMs)} ms |`,
		`| burst: votes acknowledged, last after | ${r.burst ? `${r.burst.acked} / ${r.burst.votes}, ${r.burst.allAckedMs} ms` : '—'} |`,
		`| burst: vote → ack p50 / p95 / p99 | ${pct(r.burst?.ackLatencyMs)} ms |`,
		`| burst: vote → presenter p50 / p95 / p99 | ${pct(r.burst?.presenterLatencyMs)} ms |`,
		`| all phones reconnecting at once: back, last after | ${r.reconnected} / ${r.connected}, ${r.reconnectAllMs} ms (p50 / p95 ${pct(r.reconnectMs)} ms; ${r.reconnectRetries} retried attempts) |`,
		`| a phone reconnecting alone in the steady state: attempt → state shown p50 / p95 / p99 / max | ${r.reconnectOne.phones} phones, ${pct(r.reconnectOne.ms)} / ${r.reconnectOne.ms?.max ?? '—'} ms (of which until connected ${pct(r.reconnectOne.connectMs)} ms); ${r.reconnectOne.stale} stale |`,
		`| phones whose polls differ from the server's at the end of the steady state | ${r.steady.phonesBehind.behind} of ${r.steady.phonesBehind.checked} |`,
		`| server memory per idle connection: RSS (heap + external) | ${r.memoryPerConnectionKB} KB (${r.memoryPerConnectionHeapKB ?? '—'} KB) |`,
		`| server peak RSS per node | ${r.rssMBPerNode.join(' / ')} MB |`,
		`| server event-loop lag p50 / p99, steady state | ${pct(r.eventLoopDelayMs)} ms |`,
		`| card actions (draw / discuss) p50 / p95 / p99 | ${r.steady.cardActions} actions, ${pct(r.steady.cardActionMs)} ms |`,
		`| facilitator opens a question, click → answer p50 / p95 / p99 | ${pct(r.facilitatorActionMs)} ms |`,
		`| national dashboard re-reads p50 / p95 / p99 | ${r.nation.connected ? `${r.nation.reads} reads, ${pct(r.nation.readMs)} ms` : 'not connected'} |`,
		`| lost / duplicated votes / errors | ${r.lostVotes} / ${r.duplicatedVotes} / ${r.errors} |`,
		`| phone JS gzipped: join / table / vote | ${r.phoneJsGzipKB.join} / ${r.phoneJsGzipKB.table} / ${r.phoneJsGzipKB.vote} KB |`
	];
}

const lagOf = (lag: PhaseLoop['eventLoopDelayMs']) =>
	lag ? `${lag.p50} / ${lag.p99} / ${lag.max}` : '—';

function phases(r: BenchReport): string[] {
	const rows = Object.entries(r.phases).map(([name, p]) => {
		const cpu = p.cpu;
		const servers = cpu ? cpu.servers.map((c) => `${c} %`).join(' / ') : '—';
		const loop = p.loop.eventLoopDelayMs;
		const generators = p.loop.loadGenerators;
		return `| ${name} | ${p.seconds} | ${servers} | ${p.loop.utilisation.join(' / ')} | ${lagOf(loop)} | ${cpu?.postgres ?? '—'} | ${cpu?.loadGenerators ?? '—'} | ${generators.utilisation.join(' / ')} | ${lagOf(generators.eventLoopDelayMs)} | ${cpu?.others ?? '—'} | ${cpu?.machineBusy ?? '—'} % |`;
	});
	return [
		'CPU in % of one core: 100 % is a whole core; the machine has ' + r.machine.cores + '.',
		'',
		'The load generators time every answer: when their own event loops lag, the latencies above include that lag.',
		'',
		'| phase | s | server CPU | server event-loop utilisation | server lag p50 / p99 / max ms | PostgreSQL CPU | load generators CPU | load generators event-loop utilisation | load generators lag p50 / p99 / max ms | other processes CPU | machine busy |',
		'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
		...rows
	];
}

/** Per phase, the SQL the servers sent: how many statements a second, and of which kinds. */
function statements(r: BenchReport): string[] {
	const phases = Object.entries(r.phases).filter(([, p]) => p.statements);
	if (phases.length === 0) {
		return [];
	}
	return [
		'## SQL statements per phase',
		'',
		'Counted in each server as sent to PostgreSQL (placeholder lists folded), per second of the phase, with the rows they brought back.',
		'',
		...phases.flatMap(([name, p]) => {
			const s = p.statements!;
			const wait = s.poolWaitMs;
			const most = s.mostRows.filter((t) => t.rowsPerSecond > 0);
			const rowsFrom = (t: StatementRate) =>
				`\`${t.statement}\` (${t.rowsPerSecond} rows/s from ${t.perSecond} statements/s)`;
			return [
				`- **${name}**: ${s.perSecond}/s in all` +
					(wait
						? ` (a pooled connection waited for ${pct(wait)} / ${wait.max} ms p50 / p95 / p99 / max); `
						: '; ') +
					s.top.map((t) => `${t.perSecond}/s \`${t.statement}\``).join('; ') +
					`. Rows back: ${s.rowsPerSecond}/s in all` +
					(most.length > 0 ? `, most from ${most.map(rowsFrom).join('; ')}.` : '.')
			];
		}),
		''
	];
}

function openingsText(r: BenchReport) {
	return r.steady.openings === 'together'
		? 'questions open in every conference at once, at the start and at ¼, ½ and ¾ of it'
		: `a question opens in every conference at the start; the next at ¼, ½ and ¾ of it, conference n of ${r.conferences} n/${r.conferences} of a quarter later`;
}

/** The run in Markdown: targets, figures, where the time went, and how it was run. */
export function summaryMarkdown(r: BenchReport): string {
	const m = r.machine;
	const lines = [
		`# Drøft benchmark: ${r.participants} participants, ${r.conferences} conferences, ${r.nodes} node${r.nodes > 1 ? 's' : ''}, ${r.database}`,
		'',
		`${r.startedAt} · \`${r.command}\``,
		'',
		`Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}, Node ${m.node}; load average at start ${m.loadAverageAtStart.join(' ')}; fixed calibration work ${m.cpuCalibrationMs} ms on one core, 2,000 loopback round trips to another process ${m.loopbackCalibrationMs} ms (lower is faster: compare runs by them). ${m.note}`,
		r.postgres
			? `PostgreSQL ${r.postgres.settings.version}, fsync ${r.postgres.settings.fsync}, synchronous_commit ${r.postgres.settings.synchronousCommit}, autovacuum ${r.postgres.settings.autovacuum}.`
			: 'Embedded PGlite in memory (no fsync): not the target configuration.',
		'',
		'## Targets (issue 8: 10,000 participants on one node with PostgreSQL)',
		'',
		'| target | wanted | measured | met |',
		'| --- | --- | --- | --- |',
		...r.targets.map((t) => `| ${t.what} | ${t.target} | ${t.measured} | ${mark(t.met)} |`),
		'',
		'## Figures',
		'',
		...figures(r),
		'',
		'## Phases',
		'',
		...phases(r),
		'',
		...statements(r)
	];
	if (r.postgres) {
		const activity = Object.entries(r.postgres.activity)
			.map(([what, share]) => `${what} ${share} %`)
			.join(', ');
		lines.push(
			`PostgreSQL during the steady state and burst: ${r.postgres.commitsPerSecond} commits/s, ${r.postgres.walSyncsPerSecond} WAL syncs/s; the app's connections were: ${activity}.`,
			''
		);
	}
	const events = Object.entries(r.steady.phoneEventsPerSecond)
		.map(([name, n]) => `${name} ${n}/s`)
		.join(', ');
	const timeline = r.steady.ackTimeline
		.map((w) => `${w.fromS} s: ${w.p50 ?? '—'} / ${w.p95 ?? '—'}`)
		.join('; ');
	lines.push(
		`Phones received in the steady state, all together: ${events || 'nothing'}.`,
		'',
		`Vote → ack p50 / p95 ms by when the vote was sent, per 5 s of the steady state (${openingsText(r)}): ${timeline || '—'}.`,
		'',
		`Verification (${r.verification.method}): ${r.verification.checked} acknowledged votes checked by phone:hello (${r.verification.uncheckedPhones} phones did not come back to check theirs; SQL checks every vote); lost by phone:hello ${r.verification.lostByPhones}, by SQL ${r.verification.lostBySql ?? '—'}; voters in the tallies ${r.verification.tallyVoters}, phones with an acknowledged vote ${r.verification.ackedVoters}.`,
		''
	);
	if (r.errors > 0) {
		const d = r.errorDetails;
		lines.push(
			'## Errors',
			'',
			`Clients: ${JSON.stringify(d.byKind)}; servers logged ${d.serverErrors} errors.`,
			'',
			...d.samples.map((s) => `- ${s}`),
			...Object.entries(d.serverErrorKinds).map(([kind, n]) => `- server, ${n}×: \`${kind}\``),
			''
		);
		for (const crash of d.serverCrashes) {
			lines.push(
				`Node ${crash.node} exited unexpectedly (code ${crash.code}, signal ${crash.signal}); its last lines:`,
				'',
				'```',
				...crash.lastLines.slice(-25).map((l) => l.slice(0, 300)),
				'```',
				''
			);
		}
	}
	for (const profile of r.profile ?? []) {
		lines.push(
			`## CPU profile of ${profile.file.split('/').pop()} (${profile.busySeconds} s busy)`,
			'',
			'| where | self % |',
			'| --- | --- |',
			...profile.byArea.slice(0, 10).map((a) => `| ${a.area} | ${a.percent} |`),
			'',
			'| function | self % |',
			'| --- | --- |',
			...profile.byFunction.slice(0, 12).map((f) => `| \`${f.fn}\` | ${f.percent} |`),
			''
		);
	}
	return lines.join('\n');
}
