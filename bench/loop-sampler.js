// Used by probe.js in each server and by each load-generator process (plain JavaScript, as
// probe.js is loaded into the server by `node --import`).
import { performance } from 'node:perf_hooks';

const TICK_MS = 20;
const REPORT_MS = 1000;

/**
 * Every second, calls `report` with that second's event-loop lag samples (how late a 20 ms
 * timer fired: how long the loop was busy, ms) and the event-loop utilisation (0–1). The timers
 * do not keep the process alive.
 * @param {(second: { lags: number[]; elu: number }) => void} report
 */
export function sampleLoop(report) {
	/** @type {number[]} */
	let lags = [];
	let expected = performance.now() + TICK_MS;
	setInterval(() => {
		const at = performance.now();
		lags.push(Math.max(0, at - expected));
		expected = at + TICK_MS;
	}, TICK_MS).unref();

	let utilisation = performance.eventLoopUtilization();
	setInterval(() => {
		const next = performance.eventLoopUtilization();
		const elu = performance.eventLoopUtilization(next, utilisation).utilization;
		utilisation = next;
		report({ lags: lags.map((l) => Math.round(l * 100) / 100), elu });
		lags = [];
	}, REPORT_MS).unref();
}
