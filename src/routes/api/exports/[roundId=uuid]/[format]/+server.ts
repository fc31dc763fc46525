import { json } from '@sveltejs/kit';
import { parseFilter } from '$lib/components/nation/filter';
import { requireStaff } from '$lib/server/auth/guard';
import { AppError } from '$lib/server/errors';
import { getRuntime } from '$lib/server/runtime';
import { audit } from '$lib/server/services/audit';
import { exportRows } from '$lib/server/services/export';
import { votesCsv, votesXlsx } from '$lib/server/services/export-files';
import { requireRound } from '$lib/server/services/nation';
import { resultsFile } from '$lib/server/services/results';

const FORMATS = {
	'votes.csv': 'text/csv; charset=utf-8',
	'votes.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'results.json': 'application/json; charset=utf-8'
} as const;
type Format = keyof typeof FORMATS;

const isFormat = (value: string): value is Format => value in FORMATS;

/** Anonymous exports of a round, for KS staff with the right to read them (admins). */
export const GET = async ({ params, locals, url }) => {
	const { db } = getRuntime().database;
	try {
		const staff = await requireStaff(db, locals.staff, 'export:read');
		if (!isFormat(params.format)) {
			throw new AppError('not_found', 'Ukjent eksportformat.');
		}
		const round = await requireRound(db, params.roundId);
		const now = new Date();
		const body = await render(params.format, params.roundId, url.searchParams, now);
		await audit(db, staff, {
			action: 'export:read',
			roundId: round.id,
			details: { format: params.format }
		});
		return new Response(body, {
			headers: {
				'content-type': FORMATS[params.format],
				'content-disposition': attachment(`${slug(round.name)}-${params.format}`),
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		if (e instanceof AppError) {
			return json({ error: e.toJSON() }, { status: e.status });
		}
		throw e;
	}
};

async function render(format: Format, roundId: string, query: URLSearchParams, now: Date) {
	const { db } = getRuntime().database;
	if (format === 'results.json') {
		const roles = parseFilter(query).roles;
		const file = await resultsFile(db, roundId, roles.length ? roles : null, now);
		return JSON.stringify(file, null, '\t');
	}
	const { round, rows } = await exportRows(db, roundId);
	if (format === 'votes.csv') {
		return votesCsv(rows);
	}
	return new Uint8Array(await votesXlsx(rows, { round: round.name, generatedAt: now }));
}

/** "Strategikonferansene 2022" → "strategikonferansene-2022". */
function slug(name: string): string {
	const plain = name
		.toLowerCase()
		.replace(/æ/g, 'ae')
		.replace(/ø/g, 'o')
		.replace(/å/g, 'a')
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return plain || 'droft';
}

function attachment(filename: string): string {
	return `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
