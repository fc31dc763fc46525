import { json } from '@sveltejs/kit';
import { getRuntime } from '$lib/server/runtime';

/** The process is alive and serving. */
export const GET = () => json({ ok: true, node: getRuntime().config.nodeName });
