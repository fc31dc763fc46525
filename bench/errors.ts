import type { ErrorTally } from './messages';

const SAMPLES = 20;
const SAMPLES_PER_KIND = 3;

export function noErrors(): ErrorTally {
	return { count: 0, byKind: {}, samples: [] };
}

/** Counts one unexpected failure under `kind`, keeping the first few messages as samples. */
export function recordError(tally: ErrorTally, kind: string, error: unknown) {
	tally.count++;
	tally.byKind[kind] = (tally.byKind[kind] ?? 0) + 1;
	const ofKind = tally.samples.filter((s) => s.startsWith(`${kind}: `)).length;
	if (tally.samples.length < SAMPLES && ofKind < SAMPLES_PER_KIND) {
		const message = error instanceof Error ? error.message : JSON.stringify(error);
		tally.samples.push(`${kind}: ${message}`.slice(0, 300));
	}
}

export function mergeErrors(parts: ErrorTally[]): ErrorTally {
	const total = noErrors();
	for (const part of parts) {
		total.count += part.count;
		for (const [kind, n] of Object.entries(part.byKind)) {
			total.byKind[kind] = (total.byKind[kind] ?? 0) + n;
		}
		for (const sample of part.samples) {
			const kind = sample.slice(0, sample.indexOf(': '));
			const ofKind = total.samples.filter((s) => s.startsWith(`${kind}: `)).length;
			if (total.samples.length < SAMPLES && ofKind < SAMPLES_PER_KIND) {
				total.samples.push(sample);
			}
		}
	}
	return total;
}
