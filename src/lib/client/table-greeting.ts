import { getContext, setContext } from 'svelte';
import type { AckResult } from '$lib/realtime/events';
import type { TableSnapshot } from '$lib/realtime/table';

const KEY = Symbol('table-greeting');

/**
 * The deck screen's table, as the phone page's hello on a (re)connect sees it. Kept apart from
 * `TableState` so the page does not load the deck's code before the deck is shown.
 */
export interface TableGreeting {
	/**
	 * The page is about to say hello: changes heard from now on are kept. The function it returns
	 * takes the hello's answer (a snapshot, or null when none came with it).
	 */
	beginSnapshot(): (answer: AckResult<TableSnapshot | null>) => void;
}

/** Where the shown deck screen registers itself; the page reads it on every (re)connect. */
export interface TableGreetingSlot {
	current: TableGreeting | null;
}

/** The phone page makes the slot for the deck screen it may show. */
export function provideTableGreeting(): TableGreetingSlot {
	const slot: TableGreetingSlot = { current: null };
	setContext(KEY, slot);
	return slot;
}

/** The page's slot, or null where no page offers one (the deck then says hello itself). */
export function getTableGreeting(): TableGreetingSlot | null {
	return getContext<TableGreetingSlot | undefined>(KEY) ?? null;
}
