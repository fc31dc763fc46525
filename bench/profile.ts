import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface CpuProfile {
	nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
	samples: number[];
	timeDeltas: number[];
}

export interface ProfileSummary {
	file: string;
	/** Seconds the thread was sampled busy (not idle). */
	busySeconds: number;
	/** Self time by where the code lives (a package, the app, Node itself), % of busy time. */
	byArea: { area: string; percent: number }[];
	/** Self time by function, % of busy time. */
	byFunction: { fn: string; percent: number }[];
}

/** Where a function lives: the npm package, the app's build, Node's internals, or V8. */
function areaOf(url: string, name: string): string {
	if (!url) {
		return name.startsWith('(') ? name : '(native)';
	}
	if (url.startsWith('wasm://')) {
		return '(WebAssembly)';
	}
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
	if (pkg) {
		return pkg[1]!;
	}
	if (url.startsWith('node:')) {
		return 'node: ' + url.slice(5).split('/')[0];
	}
	return url.includes('/build/') ? 'app (build/)' : url.split('/').slice(-2).join('/');
}

function summarise(file: string): ProfileSummary {
	const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
	const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
	const self = new Map<number, number>();
	profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[i]!));
	const areas = new Map<string, number>();
	const fns = new Map<string, number>();
	let busy = 0;
	for (const [id, micros] of self) {
		const frame = byId.get(id)!;
		if (frame.functionName === '(idle)') {
			continue;
		}
		busy += micros;
		const area = areaOf(frame.url, frame.functionName);
		areas.set(area, (areas.get(area) ?? 0) + micros);
		const file = frame.url.split('/').at(-1);
		const where = frame.url ? ` (${area}: ${file}:${frame.lineNumber + 1})` : '';
		const fn = `${frame.functionName || '(anonymous)'}${where}`;
		fns.set(fn, (fns.get(fn) ?? 0) + micros);
	}
	const top = (map: Map<string, number>, n: number) =>
		[...map]
			.sort((a, b) => b[1] - a[1])
			.slice(0, n)
			.map(([key, micros]) => [key, Math.round((micros / busy) * 1000) / 10] as const);
	return {
		file,
		busySeconds: Math.round(busy / 1e5) / 10,
		byArea: top(areas, 15).map(([area, percent]) => ({ area, percent })),
		byFunction: top(fns, 20).map(([fn, percent]) => ({ fn, percent }))
	};
}

/** Summaries of every CPU profile (node --cpu-prof) written into `dir`. */
export function summariseProfiles(dir: string): ProfileSummary[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.cpuprofile'))
		.map((f) => summarise(join(dir, f)));
}
