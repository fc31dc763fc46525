import type { Runtime } from './runtime';

export interface Readiness {
	ok: boolean;
	node: string;
	database: { kind: string; ok: boolean; error?: string };
	redis: { configured: boolean; ok: boolean; error?: string };
}

const TIMEOUT_MS = 2000;

/** Is the database (and Redis, when configured) reachable from this node right now? */
export async function checkReadiness(runtime: Runtime): Promise<Readiness> {
	const [database, redis] = await Promise.all([
		probe(() => runtime.database.ping()),
		runtime.redis ? probe(() => runtime.redis!.ping()) : Promise.resolve({ ok: true })
	]);
	return {
		ok: database.ok && redis.ok,
		node: runtime.config.nodeName,
		database: { kind: runtime.database.kind, ...database },
		redis: { configured: Boolean(runtime.redis), ...redis }
	};
}

async function probe(check: () => Promise<void>): Promise<{ ok: boolean; error?: string }> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS);
	});
	try {
		await Promise.race([check(), timeout]);
		return { ok: true };
	} catch (error) {
		return { ok: false, error: error instanceof Error ? error.message : String(error) };
	} finally {
		clearTimeout(timer);
	}
}
