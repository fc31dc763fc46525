import { getContext, setContext } from 'svelte';
import type { AppClientSocket } from './socket';

const KEY = Symbol('socket');

/**
 * Lets components deep in a page (the shown item's pinned notes) use the page's one socket.
 * The getter is read inside effects, so a socket made in `onMount` reaches them once it exists.
 */
export function setSocketContext(get: () => AppClientSocket | null) {
	setContext(KEY, get);
}

/** The page's socket, or null before it connects or on a page that has none. */
export function getSocketContext(): () => AppClientSocket | null {
	return getContext<(() => AppClientSocket | null) | undefined>(KEY) ?? (() => null);
}
