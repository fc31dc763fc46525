import net from 'node:net';

/**
 * A TCP proxy in front of a real service (PostgreSQL, Redis), so a test can take the service
 * away from the app and give it back — as a restart or a network cut would — without touching
 * the service other tests use.
 */
export interface Proxy {
	url(original: string): string;
	port: number;
	/** Drop every connection and refuse new ones. */
	cut(): Promise<void>;
	/** Accept connections again. */
	restore(): Promise<void>;
	close(): Promise<void>;
}

export async function startProxy(target: { host: string; port: number }): Promise<Proxy> {
	const open = new Set<net.Socket>();
	let server = net.createServer();
	let port = 0;

	const listen = (onPort: number) =>
		new Promise<void>((resolve) => {
			server = net.createServer((client) => {
				const upstream = net.connect(target.port, target.host);
				open.add(client).add(upstream);
				client.pipe(upstream).pipe(client);
				const drop = () => {
					client.destroy();
					upstream.destroy();
					open.delete(client);
					open.delete(upstream);
				};
				client.on('error', drop).on('close', drop);
				upstream.on('error', drop).on('close', drop);
			});
			server.listen(onPort, '127.0.0.1', () => {
				port = (server.address() as net.AddressInfo).port;
				resolve();
			});
		});
	const stop = () =>
		new Promise<void>((resolve) => {
			open.forEach((s) => s.destroy());
			open.clear();
			server.close(() => resolve());
		});

	await listen(0);
	return {
		get port() {
			return port;
		},
		url(original) {
			const url = new URL(original);
			url.hostname = '127.0.0.1';
			url.port = String(port);
			return url.toString();
		},
		cut: stop,
		restore: () => listen(port),
		close: stop
	};
}
