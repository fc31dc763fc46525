import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server';
import { listedConferences } from '../helpers/conferences';
import { postForm } from '../helpers/http';

describe('web security', () => {
	let server: TestServer;

	beforeAll(async () => {
		server = await startServer();
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('sends a CSP without inline scripts, frame-ancestors and the other security headers', async () => {
		const response = await fetch(server.url + '/');
		const csp = response.headers.get('content-security-policy') ?? '';
		expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*;/);
		expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
		expect(csp).toContain("frame-ancestors 'none'");
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		// HSTS only behind TLS.
		expect(response.headers.get('strict-transport-security')).toBeNull();
		const tls = await fetch(server.url + '/', { headers: { 'x-forwarded-proto': 'https' } });
		expect(tls.headers.get('strict-transport-security')).toContain('max-age=');
	});

	it('gives the participant cookie HttpOnly and SameSite, and Secure behind TLS', async () => {
		const [conference] = await listedConferences(server.url);
		const fields = { municipality: 'annet', role: 'annet', table: '' };
		const plain = await postForm(server.url, `/j/${conference!.joinCode}`, fields);
		const cookie = plain.headers.getSetCookie().join(';');
		expect(cookie).toMatch(/droft_participant=.+HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/);
		expect(cookie).not.toMatch(/Secure/);
		const tls = await fetch(`${server.url}/j/${conference!.joinCode}`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: server.url.replace('http:', 'https:'),
				'x-forwarded-proto': 'https',
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: new URLSearchParams(fields).toString()
		});
		expect(tls.headers.getSetCookie().join(';')).toMatch(/Secure/);
	});

	it('refuses cross-site writes: forms and every other content type', async () => {
		const [conference] = await listedConferences(server.url);
		const forged = await fetch(`${server.url}/j/${conference!.joinCode}`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin: 'https://evil.example',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: 'municipality=annet&role=annet&table='
		});
		expect(forged.status).toBe(403);
		const json = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
			body: '{}'
		});
		expect(json.status).toBe(403);
	});

	it('refuses a socket.io handshake from another origin', async () => {
		const foreign = io(server.url, {
			transports: ['websocket'],
			forceNew: true,
			reconnection: false,
			extraHeaders: { origin: 'https://evil.example' }
		});
		const outcome = await new Promise((resolve) => {
			foreign.once('connect', () => resolve('connected'));
			foreign.once('connect_error', () => resolve('refused'));
		});
		foreign.disconnect();
		expect(outcome).toBe('refused');
		const own = io(server.url, {
			transports: ['websocket'],
			forceNew: true,
			reconnection: false,
			extraHeaders: { origin: server.url }
		});
		const ok = await new Promise((resolve) => {
			own.once('connect', () => resolve('connected'));
			own.once('connect_error', (e) => resolve(e.message));
		});
		own.disconnect();
		expect(ok).toBe('connected');
	});

	it('ships no server secrets in client code', async () => {
		const html = await (await fetch(server.url + '/')).text();
		const queue = [...html.matchAll(/["'](\.\/_app\/[^"']+\.js)["']/g)].map(
			(m) => new URL(m[1]!, server.url + '/').href
		);
		const seen = new Set<string>();
		// Follow every module the page can load, imports of imports included.
		while (queue.length > 0 && seen.size < 300) {
			const url = queue.shift()!;
			if (seen.has(url)) {
				continue;
			}
			seen.add(url);
			const js = await (await fetch(url)).text();
			expect(js, url).not.toMatch(
				/DATABASE_URL|REDIS_URL|DEMO_ADMIN_PASSWORD|postgres:\/\/|argon2/
			);
			for (const m of js.matchAll(/["'](\.{1,2}\/[^"']+\.js)["']/g)) {
				queue.push(new URL(m[1]!, url).href);
			}
		}
		expect(seen.size).toBeGreaterThan(2);
	});
});
