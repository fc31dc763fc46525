// Production entry: one HTTP server for SvelteKit (adapter-node) and socket.io.
import http from 'node:http';

const HTTP_SERVER = Symbol.for('droft.httpServer');
const RUNTIME = Symbol.for('droft.runtime');

// adapter-node assumes https unless told otherwise; this server speaks plain HTTP, so the
// protocol comes from X-Forwarded-Proto (a TLS proxy sets it) and is http when absent.
// Without this, SvelteKit's CSRF check refuses every form post on http://.
process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
// Content-pack uploads are zips up to 5 MB; SvelteKit's default body limit is 512 KB.
process.env.BODY_SIZE_LIMIT ??= '6M';

const server = http.createServer();
// Node closes idle keep-alive connections after 5 s. A browser that sends a form post on one
// just as it closes retries the post on a new connection, and the action runs twice (a second
// invitation, a second pack upload). Idle connections are kept much longer than a form takes.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
globalThis[HTTP_SERVER] = server;

let handler;
try {
	// Importing the handler runs the app's init hook: config, migrations, seed, socket.io.
	({ handler } = await import(`./${process.env.BUILD_DIR ?? 'build'}/handler.js`));
} catch (error) {
	if (
		error?.code === 'ERR_MODULE_NOT_FOUND' &&
		String(error.message).includes(`${process.env.BUILD_DIR ?? 'build'}/handler.js`)
	) {
		console.error('Drøft is not built yet: run `npm run build` first.');
	} else {
		console.error(error?.constructor?.name === 'ConfigError' ? error.message : error);
	}
	process.exit(1);
}

const runtime = globalThis[RUNTIME];
// socket.io answers /socket.io/ itself; if SvelteKit answered too, the response would be sent twice.
server.on('request', (req, res) => {
	if (!req.url?.startsWith('/socket.io/')) {
		req.headers['x-forwarded-proto'] ??= 'http';
		handler(req, res);
	}
});
server.on('error', (error) => {
	runtime.log.error('server error', { error: { message: error.message, code: error.code } });
	process.exit(1);
});
// A long accept queue: when the Wi-Fi of a hall comes back, every phone reconnects at once, and
// connections beyond Node's default of 511 would wait for the client's SYN retry (1 s, 3 s, 7 s…).
// The kernel caps it at net.core.somaxconn.
server.listen({ port: runtime.config.port, host: runtime.config.host, backlog: 4096 }, () => {
	const address = server.address();
	runtime.log.info('listening', { port: address.port, host: runtime.config.host });
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
	process.on(signal, () => {
		if (stopping) {
			return;
		}
		stopping = true;
		runtime.shutdown(signal).then(
			() => process.exit(0),
			(error) => {
				runtime.log.error('shutdown failed', { error: String(error) });
				process.exit(1);
			}
		);
	});
}
