import type { NationalView } from '../src/lib/realtime/nation';
import { ask, connectStaff } from './staff';
import { now } from './stats';

export interface NationWatch {
	/** False when the server has no national dashboard events (an older build). */
	connected: boolean;
	/** How long each re-read of the national view took, after a 'nation:changed'. */
	readMs: number[];
	failures: string[];
	close(): void;
}

/** The demo round's id, from the admin front page's link to it. */
async function roundIdOf(url: string, staffCookie: string): Promise<string | null> {
	const html = await (await fetch(url + '/admin', { headers: { cookie: staffCookie } })).text();
	return /\/admin\/rounds\/([0-9a-f-]{36})/.exec(html)?.[1] ?? null;
}

/**
 * One national dashboard on the last node, for the whole run. As the page does, it reads the
 * whole national view again on every 'nation:changed' (one read at a time; changes that arrive
 * meanwhile make one more read).
 */
export async function watchNation(nodeUrl: string, staffCookie: string): Promise<NationWatch> {
	const watch: NationWatch = { connected: false, readMs: [], failures: [], close: () => {} };
	const roundId = await roundIdOf(nodeUrl, staffCookie);
	if (!roundId) {
		watch.failures.push('no round link on /admin');
		return watch;
	}
	const socket = await connectStaff(nodeUrl, staffCookie);
	watch.close = () => socket.disconnect();
	try {
		await ask<NationalView>(socket, 'nation:watch', { roundId });
	} catch (error) {
		watch.failures.push(String(error));
		return watch;
	}
	watch.connected = true;
	let reading = false;
	let again = false;
	const read = async () => {
		if (reading) {
			again = true;
			return;
		}
		reading = true;
		do {
			again = false;
			const startedAt = now();
			try {
				await ask<NationalView>(socket, 'nation:watch', { roundId });
				watch.readMs.push(now() - startedAt);
			} catch (error) {
				watch.failures.push(String(error));
			}
		} while (again);
		reading = false;
	};
	socket.on('nation:changed', () => void read());
	return watch;
}
