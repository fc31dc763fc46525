import { deflateSync } from 'node:zlib';
import { now, percentile, round } from './stats';

const RUNS = 5;

/**
 * The kind of work a node does per vote, on one core: encode and decode a socket message,
 * add up the points in it, compress a little. Fixed, so its duration says how fast this machine's core
 * was at the time of the run.
 */
function fixedWork(): number {
	let checksum = 0;
	const page = Buffer.alloc(4096, 'Drøft stemmer på tariff og tillitsreform. ');
	for (let i = 0; i < 40_000; i++) {
		const message = JSON.stringify([
			'vote:cast',
			{ pollId: `poll-${i % 97}`, value: { kind: 'points', points: [i % 5, 3, 2, 1, 4] } }
		]);
		const parsed = JSON.parse(message) as [string, { value: { points: number[] } }];
		checksum += parsed[1].value.points.reduce((a, b) => a + b, 0);
		if (i % 200 === 0) {
			checksum += deflateSync(page).length;
		}
	}
	return checksum;
}

/**
 * Milliseconds the fixed work took, median of five runs, measured before the servers start.
 * The machine's speed varies from day to day (shared cores); reports compare fairly only with
 * this beside them.
 */
export function cpuCalibrationMs(): number {
	const runs: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const start = now();
		// Using the result keeps the JIT from dropping the work as dead code.
		if (fixedWork() <= 0) {
			throw new Error('calibration work computed nothing');
		}
		runs.push(now() - start);
	}
	runs.sort((a, b) => a - b);
	return round(percentile(runs, 50))!;
}
