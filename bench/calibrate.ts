import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
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

const ROUND_TRIPS = 2_000;

/** A process that answers every byte it gets on a loopback TCP port; it prints the port. */
const ECHO = `const s = require('node:net').createServer((c) => c.on('data', (d) => c.write(d)));
s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;

/**
 * Milliseconds for 2,000 round trips of one byte to another process over loopback TCP and back,
 * median of five runs. The node's largest cost is writing to sockets (`writev` in its profiles):
 * each write wakes the process at the other end, and what that costs depends on the kernel and
 * the host (on a virtual machine, a wake-up on another core can leave the VM), which the fixed
 * work above does not see.
 */
export async function loopbackCalibrationMs(): Promise<number> {
	const echo = spawn(process.execPath, ['-e', ECHO], { stdio: ['ignore', 'pipe', 'inherit'] });
	try {
		const [line] = (await once(createInterface({ input: echo.stdout! }), 'line')) as [string];
		const socket = connect(Number(line), '127.0.0.1');
		await once(socket, 'connect');
		socket.setNoDelay(true);
		const byte = Buffer.from([1]);
		const runs: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			const start = now();
			for (let trip = 0; trip < ROUND_TRIPS; trip++) {
				const answered = once(socket, 'data');
				socket.write(byte);
				await answered;
			}
			runs.push(now() - start);
		}
		socket.destroy();
		runs.sort((a, b) => a - b);
		return round(percentile(runs, 50))!;
	} finally {
		echo.kill();
	}
}
