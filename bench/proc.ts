import { readdirSync, readFileSync } from 'node:fs';

/** Readings from /proc (Linux): memory and CPU time of the processes the benchmark watches. */

const TICKS_PER_S = 100; // USER_HZ: 100 on every Linux the project runs on

/** Resident memory of a process in bytes (VmRSS), or null once it is gone. */
export function rssOf(pid: number): number | null {
	try {
		const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) * 1024 : null;
	} catch {
		return null;
	}
}

/**
 * CPU seconds (user + system) a process has used, or null once it is gone; with
 * `reapedChildren`, also what its children used that have ended and been waited for.
 */
export function cpuSecondsOf(pid: number, reapedChildren = false): number | null {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name, which may itself hold spaces: utime is 14th, stime 15th,
		// cutime and cstime (children waited for) 16th and 17th.
		const fields = stat
			.slice(stat.lastIndexOf(')') + 2)
			.split(' ')
			.map(Number);
		const own = fields[11]! + fields[12]!;
		return (reapedChildren ? own + fields[13]! + fields[14]! : own) / TICKS_PER_S;
	} catch {
		return null;
	}
}

/**
 * CPU seconds used by every PostgreSQL server process on the machine (all databases). A backend
 * that ends (a pool closing an idle connection) takes its CPU time along; the postmaster, which
 * waits for it, keeps it as its children's time, so that is counted too and the sum never drops.
 */
export function postgresCpuSeconds(): number {
	let total = 0;
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) {
			continue;
		}
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			if (stat.includes('(postgres)')) {
				total += cpuSecondsOf(Number(entry), true) ?? 0;
			}
		} catch {
			// the process ended while we looked
		}
	}
	return total;
}

/** The whole machine's busy and total CPU seconds so far, over every core. */
export function machineCpuSeconds(): { busy: number; total: number } {
	const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
	const ticks = line.trim().split(/\s+/).slice(1).map(Number);
	const total = ticks.reduce((a, b) => a + b, 0);
	const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
	return { busy: (total - idle) / TICKS_PER_S, total: total / TICKS_PER_S };
}
