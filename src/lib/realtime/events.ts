import type { z } from 'zod';
import type { JoinInput, WatchInput } from './schemas';

/**
 * THE socket contract, shared by browser and server. The server is
 * `Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>`,
 * the browser `Socket<ServerToClientEvents, ClientToServerEvents>`.
 */
export const PROTOCOL_VERSION = 1;

export interface AckError {
	code: string;
	message: string;
	id?: string;
}
export type AckResult<T> = { ok: true; data: T } | { ok: false; error: AckError };
export type Ack<T> = (result: AckResult<T>) => void;

export interface ConferenceSummary {
	id: string;
	title: string;
	regionName: string;
	joinCode: string;
	status: string;
}

/** How many phones are connected to a conference; `at` orders counts computed on different nodes. */
export interface PresenceCount {
	conferenceId: string;
	count: number;
	at: number;
}

export interface ClientToServerEvents {
	/** A phone opens a conference by its join code. */
	'conference:join': (
		input: z.input<typeof JoinInput>,
		ack: Ack<{ conference: ConferenceSummary; presence: PresenceCount }>
	) => void;
	/** A presenter screen starts following a conference. */
	'presenter:watch': (
		input: z.input<typeof WatchInput>,
		ack: Ack<{ conference: ConferenceSummary; presence: PresenceCount }>
	) => void;
}

export interface ServerToClientEvents {
	'presence:count': (count: PresenceCount) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

export interface SocketData {
	/** Set when the socket has joined a conference as a phone. */
	phoneOf?: string;
}
