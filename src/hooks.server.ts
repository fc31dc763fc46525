import type { Server as HttpServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getRuntime, startRuntime } from '$lib/server/runtime';
import { resolveActor } from '$lib/server/auth/actor';
import { PARTICIPANT_COOKIE, STAFF_COOKIE } from '$lib/server/auth/cookies';

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

/**
 * SvelteKit checks the Origin of form posts only; this covers every other write (JSON, uploads)
 * too. Browsers always send Origin on cross-site writes; tools without one are not browsers.
 */
const sameOriginWrites: Handle = async ({ event, resolve }) => {
	const origin = event.request.headers.get('origin');
	const write = !['GET', 'HEAD', 'OPTIONS'].includes(event.request.method);
	if (write && origin && origin !== event.url.origin) {
		return new Response('Cross-site request refused', { status: 403 });
	}
	return resolve(event);
};

/** Who is asking, from the staff session and participant cookies. */
const actor: Handle = async ({ event, resolve }) => {
	const cookies = {
		[STAFF_COOKIE]: event.cookies.get(STAFF_COOKIE),
		[PARTICIPANT_COOKIE]: event.cookies.get(PARTICIPANT_COOKIE)
	};
	const { staff, participant } = await resolveActor(getRuntime().database.db, cookies);
	event.locals.staff = staff;
	event.locals.participant = participant;
	return resolve(event);
};

export const handle = sequence(securityHeaders, sameOriginWrites, actor, locale);

export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status === 404) {
		return { message: 'Siden finnes ikke.', code: 'not_found' };
	}
	const id = randomUUID();
	getRuntime().log.error('request failed', { errorId: id, status, message, error });
	return { message: 'Noe gikk galt. Prøv igjen.', code: 'internal', id };
};
