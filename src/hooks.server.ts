import type { Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getRuntime, startRuntime } from '$lib/server/runtime';

/** server.js (production) or the Vite plugin (development) puts its HTTP server here. */
const HTTP_SERVER = Symbol.for('droft.httpServer');

export const init: ServerInit = async () => {
	const httpServer = (globalThis as { [HTTP_SERVER]?: HttpServer })[HTTP_SERVER];
	if (!httpServer) {
		throw new Error(
			'No HTTP server to attach socket.io to: start Drøft with `npm start` or `npm run dev`.'
		);
	}
	await startRuntime(httpServer, env);
};

/** The locale comes from the cookie the language picker sets; bokmål by default. */
const locale: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale)
		});
	});

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.url.protocol === 'https:') {
		response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	return response;
};

export const handle = sequence(securityHeaders, locale);

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status === 404) {
		return { message: 'Siden finnes ikke.', code: 'not_found' };
	}
	const id = randomUUID();
	getRuntime().log.error('request failed', { errorId: id, status, message, error });
	return { message: 'Noe gikk galt. Prøv igjen.', code: 'internal', id };
};
