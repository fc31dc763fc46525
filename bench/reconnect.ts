import type { LoneReconnectResult, PhonesBehind, ReconnectResult } from './messages';
import { noErrors, recordError } from './errors';
import type { Phone } from './phone';
import { now, sleep, sleepUntil } from './stats';

/** socket.io-client's reconnection policy, as the app's browser client uses it. */
const RETRY = { firstMs: 1000, maxMs: 5000, randomisation: 0.5, giveUpMs: 60_000 };

/** How long socket.io-client waits before attempt `attempt` (0 = the first after a drop). */
function retryDelay(attempt: number) {
	const delay = Math.min(RETRY.firstMs * 2 ** attempt, RETRY.maxMs);
	return delay * (1 + RETRY.randomisation * (2 * Math.random() - 1));
}

/**
 * A phone that lost its connection at `droppedAt` comes back as the browser would: it waits
 * before every attempt, the first too (1 s ±50 %, doubling to 5 s after a failed one), then a
 * new socket and its hello. Resolves with when the successful attempt began; rejects with the
 * last attempt's error once a minute has gone.
 */
async function comeBack(phone: Phone, droppedAt: number, onRetry: () => void): Promise<number> {
	let wait = retryDelay(0);
	for (let attempt = 0; ; attempt++) {
		await sleep(wait);
		const attemptAt = now();
		try {
			await phone.connect();
			return attemptAt;
		} catch (error) {
			phone.disconnect();
			wait = retryDelay(attempt + 1);
			if (now() + wait - droppedAt > RETRY.giveUpMs) {
				throw error;
			}
			onRetry();
		}
	}
}

/**
 * Every phone loses its connection at `startAt` and comes back as the browser would; only a
 * phone not back within a minute counts as an error.
 */
export async function reconnectAll(phones: Phone[], startAt: number): Promise<ReconnectResult> {
	const result: ReconnectResult = {
		back: 0,
		backMs: [],
		lastBackAt: 0,
		retries: 0,
		errors: noErrors()
	};
	await sleepUntil(startAt);
	const live = phones.filter((p) => p.socket);
	live.forEach((p) => p.disconnect());
	const back = async (phone: Phone) => {
		try {
			await comeBack(phone, startAt, () => result.retries++);
			const at = now();
			result.back++;
			result.backMs.push(at - startAt);
			result.lastBackAt = Math.max(result.lastBackAt, at);
		} catch (error) {
			recordError(result.errors, 'reconnect', error);
		}
	};
	await Promise.all(live.map(back));
	return result;
}

/** What a phone shows of the state that changes in the steady state, for comparing two phones. */
export interface ShownState {
	/** The conference's polls with their status, sorted. */
	polls: string;
	/** The table's deck version; null without a table. */
	deckVersion: number | null;
}

/** Polls with their status, comparable as a string. */
export function pollsKey(polls: [string, string][]): string {
	return polls
		.map(([id, status]) => `${id} ${status}`)
		.sort()
		.join(', ');
}

/**
 * What a phone back from a drop shows wrongly: its polls or its table's deck, compared with a
 * phone of the same conference and table that stayed connected, or its own acknowledged votes
 * (`votesMissing`: those its hello did not show it).
 */
export function staleParts(back: ShownState, stayed: ShownState, votesMissing: number): string[] {
	const parts: string[] = [];
	if (back.polls !== stayed.polls) {
		parts.push('polls');
	}
	if (back.deckVersion !== stayed.deckVersion) {
		parts.push('deck');
	}
	if (votesMissing > 0) {
		parts.push('votes');
	}
	return parts;
}

/** How long two views have to agree: a broadcast can reach one phone a moment before another. */
const AGREE_WITHIN_MS = 5000;

/** `differences()` again every 250 ms until it finds none or AGREE_WITHIN_MS has gone; its last answer. */
async function differencesLeft<T>(differences: () => T[] | Promise<T[]>): Promise<T[]> {
	const deadline = now() + AGREE_WITHIN_MS;
	let found = await differences();
	while (found.length > 0 && now() < deadline) {
		await sleep(250);
		found = await differences();
	}
	return found;
}

/** A phone that is connected and not dropped on purpose. */
const live = (p: Phone) => p.socket !== null && !p.away;

export interface LonePlan {
	startAt: number;
	endAt: number;
	/** This process drops one phone every `everyMs`, the first `offsetMs` after `startAt`. */
	everyMs: number;
	offsetMs: number;
}

const pick = <T>(list: T[]): T | undefined => list[Math.floor(Math.random() * list.length)];

/**
 * In the steady state, one phone at a time loses its connection and comes back as the browser
 * would, while every other phone goes on voting. Timed from its successful attempt to its hello
 * answered (the state shown), then checked against a phone of its conference and table that
 * stayed connected. The phones that draw cards are left alone, so no card action is cut off.
 */
export async function reconnectOneByOne(
	phones: Phone[],
	plan: LonePlan
): Promise<LoneReconnectResult> {
	const result: LoneReconnectResult = {
		ms: [],
		connectMs: [],
		stale: 0,
		staleSamples: [],
		errors: noErrors()
	};
	const sample = async (phone: Phone, stayed: Phone) => {
		phone.away = true;
		const droppedAt = now();
		phone.disconnect();
		try {
			const attemptAt = await comeBack(phone, droppedAt, () => {});
			result.ms.push(now() - attemptAt);
			result.connectMs.push(phone.connectedAt - attemptAt);
			const parts = await differencesLeft(() =>
				staleParts(phone.shown(), stayed.shown(), phone.lostVotes().length)
			);
			if (parts.length > 0) {
				result.stale++;
				const shown = JSON.stringify([phone.shown(), stayed.shown()]);
				const detail = `${phone.participantId}: ${parts.join(', ')}; it, one that stayed: ${shown}`;
				result.staleSamples.push(detail.slice(0, 600));
			}
		} catch (error) {
			recordError(result.errors, 'reconnect one', error);
		} finally {
			phone.away = false;
		}
	};
	const samples: Promise<void>[] = [];
	for (let at = plan.startAt + plan.offsetMs; at < plan.endAt; at += plan.everyMs) {
		await sleepUntil(at);
		const pair = pickPair(phones);
		if (pair) {
			samples.push(sample(...pair));
		}
	}
	await Promise.all(samples);
	return result;
}

/** A connected phone to drop, with no vote in flight and no cards to draw, and one of its table to stay. */
function pickPair(phones: Phone[]): [Phone, Phone] | null {
	const phone = pick(phones.filter((p) => live(p) && !p.busy && !p.spec.drawer));
	const stayed =
		phone &&
		pick(
			phones.filter(
				(p) =>
					p !== phone &&
					live(p) &&
					p.spec.conferenceId === phone.spec.conferenceId &&
					p.spec.table === phone.spec.table
			)
		);
	return phone && stayed ? [phone, stayed] : null;
}

/**
 * After the steady state, every connected phone's polls against what the server has now (a
 * fresh read per conference), for up to AGREE_WITHIN_MS while changes may still be on their
 * way: a phone that still differs then missed a change sent to it.
 */
export async function phonesBehind(phones: Phone[]): Promise<PhonesBehind> {
	const connected = phones.filter(live);
	const result: PhonesBehind = { checked: connected.length, behind: 0, samples: [] };
	for (const conferenceId of new Set(connected.map((p) => p.spec.conferenceId))) {
		const ofConference = connected.filter((p) => p.spec.conferenceId === conferenceId);
		let server = '';
		const behind = await differencesLeft(async () => {
			server = await ofConference[0]!.pollsNow();
			return ofConference.filter((p) => p.shown().polls !== server);
		});
		result.behind += behind.length;
		for (const phone of behind.slice(0, Math.max(0, 5 - result.samples.length))) {
			const detail = `${phone.participantId}: ${phone.shown().polls}; server: ${server}`;
			result.samples.push(detail.slice(0, 600));
		}
	}
	return result;
}
