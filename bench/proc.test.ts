import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cpuSecondsOf } from './proc';

describe('cpuSecondsOf', () => {
	it("counts a child's CPU time once it has ended and been waited for, only when asked to", () => {
		const children = () => cpuSecondsOf(process.pid, true)! - cpuSecondsOf(process.pid)!;
		const before = children();
		// A child that burns 300 ms of CPU, measured by its own clock, then exits.
		const burn = 'const s = process.cpuUsage(); while (process.cpuUsage(s).user < 300000) {}';
		expect(spawnSync(process.execPath, ['-e', burn]).status).toBe(0);
		expect(children() - before).toBeGreaterThanOrEqual(0.25);
	});
});
