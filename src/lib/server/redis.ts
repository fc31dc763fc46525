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
	/** Called each time Redis is reachable again after an outage. */
	onBack(listener: () => void): void;
	ping(): Promise<void>;
	close(): Promise<void>;
}

/** Connects to Redis; reconnects by itself and logs each outage once, never crashing the node. */
export async function connectRedis(url: string, log: Logger): Promise<RedisHandle> {
	let down = false;
	const backListeners: (() => void)[] = [];
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
			backListeners.forEach((listener) => listener());
		}
	});
	await client.connect();
	return {
		client,
		onBack: (listener) => backListeners.push(listener),
		ping: async () => {
			await client.ping();
		},
		close: async () => {
			await client.close().catch(() => {});
		}
	};
}
