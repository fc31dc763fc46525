import { createClient } from 'redis';
import type { Logger } from './log';

function createRedisClient(url: string) {
	return createClient({
		url,
		socket: { reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000) }
	});
}

export interface RedisHandle {
	client: ReturnType<typeof createRedisClient>;
	ping(): Promise<void>;
	close(): Promise<void>;
}

/** Connects to Redis; reconnects by itself and logs each outage once, never crashing the node. */
export async function connectRedis(url: string, log: Logger): Promise<RedisHandle> {
	let down = false;
	const client = createRedisClient(url);
	client.on('error', (error: unknown) => {
		if (!down) {
			down = true;
			log.warn('redis unavailable', { error });
		}
	});
	client.on('ready', () => {
		if (down) {
			down = false;
			log.info('redis back');
		}
	});
	await client.connect();
	return {
		client,
		ping: async () => {
			await client.ping();
		},
		close: async () => {
			await client.close().catch(() => {});
		}
	};
}
