import { io, type Socket } from 'socket.io-client';
import type { AgendaAction, AgendaState } from '../src/lib/domain/agenda';
import type {
	AckResult,
	ClientToServerEvents,
	ControlSnapshot,
	PollInfo,
	ServerToClientEvents,
	StaffTally
} from '../src/lib/realtime/events';
import { DEMO_STAFF } from './servers';
import { noErrors, recordError } from './errors';
import { now, sleep } from './stats';

const ATTEMPTS = 3;

type StaffSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Conference {
	id: string;
	joinCode: string;
}

/** A presenter screen heard that `voters` had voted on the poll, at `at` (one clock). */
export interface ProgressSample {
	pollId: string;
	voters: number;
	at: number;
	/** The node the presenter screen is connected to. */
	node: number;
}

/** The conferences the front page lists, in its order. */
export async function listConferences(url: string): Promise<Conference[]> {
	const html = await (await fetch(url + '/')).text();
	const codes = [...html.matchAll(/href="\/j\/([A-Z0-9]{6})"/g)].map((m) => m[1]!);
	const ids = [...html.matchAll(/href="\/c\/([0-9a-f-]{36})\/presenter"/g)].map((m) => m[1]!);
	return codes.map((joinCode, i) => ({ joinCode, id: ids[i]! }));
}

/** Signs the demo admin in, as the login form does: the staff session cookie. */
export async function signIn(url: string): Promise<string> {
	const response = await fetch(url + '/login', {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams(DEMO_STAFF).toString()
	});
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith('droft_staff=') && !c.endsWith('='));
	if (!cookie) {
		throw new Error(`staff sign-in failed with ${response.status}`);
	}
	return cookie;
}

export async function connectStaff(url: string, cookie: string): Promise<StaffSocket> {
	const socket: StaffSocket = io(url, {
		transports: ['websocket'],
		forceNew: true,
		reconnection: false,
		extraHeaders: { cookie }
	});
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
	return socket;
}

export async function ask<T>(socket: StaffSocket, event: string, payload: unknown): Promise<T> {
	const answer = (await socket
		.timeout(30_000)
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		.emitWithAck(event as any, payload as any)) as AckResult<T>;
	if (!answer.ok) {
		throw new Error(`${event}: ${answer.error.code} ${answer.error.message}`);
	}
	return answer.data;
}

/** Presenter screens (one per conference on every node) and one facilitator per conference. */
export class StaffScreens {
	readonly progress: ProgressSample[] = [];
	readonly errors = noErrors();
	/** How long each facilitator's open/close/reveal took to be answered. */
	readonly actionMs: number[] = [];
	/** Connected phones per conference, as the server last counted them for the presenter. */
	readonly connected = new Map<string, { connected: number; at: number }>();
	private readonly sockets: StaffSocket[] = [];
	private readonly controls = new Map<string, StaffSocket>();

	/** The watched conferences, in the order they were listed. */
	get conferenceIds(): string[] {
		return [...this.controls.keys()];
	}

	async watch(nodeUrls: string[], conferences: Conference[], cookie: string) {
		for (const conference of conferences) {
			for (const [node, url] of nodeUrls.entries()) {
				const presenter = await connectStaff(url, cookie);
				this.sockets.push(presenter);
				presenter.on('poll:progress', (p) =>
					this.progress.push({ pollId: p.pollId, voters: p.voters, at: now(), node })
				);
				presenter.on('counts:changed', (c) => {
					// Counts taken on different nodes may arrive out of order: keep the newest.
					if (node === 0 && c.at >= (this.connected.get(c.conferenceId)?.at ?? 0)) {
						this.connected.set(c.conferenceId, { connected: c.connected, at: c.at });
					}
				});
				await ask(presenter, 'presenter:watch', { conferenceId: conference.id });
			}
			const control = await connectStaff(nodeUrls[0]!, cookie);
			this.sockets.push(control);
			await ask(control, 'control:watch', { conferenceId: conference.id });
			this.controls.set(conference.id, control);
		}
	}

	/**
	 * Opens (or closes, reveals) a "KS spør" question in every conference at once (or in those
	 * given), as each conference's facilitator would; its polls by conference. A refused click is
	 * counted as an error and tried again; a conference where it never works is left out.
	 */
	async question(
		questionId: string,
		action: 'open' | 'close' | 'reveal',
		only = this.conferenceIds
	) {
		const polls = new Map<string, PollInfo[]>();
		const click = async (conferenceId: string, control: StaffSocket) => {
			const args = { conferenceId, questionId, action };
			for (let attempt = 1; attempt <= ATTEMPTS && !polls.has(conferenceId); attempt++) {
				const startedAt = now();
				try {
					polls.set(conferenceId, await ask<PollInfo[]>(control, 'control:question', args));
					this.actionMs.push(now() - startedAt);
				} catch (error) {
					recordError(this.errors, `control:question ${action}`, error);
					await sleep(1000);
				}
			}
		};
		await Promise.all(only.map((id) => click(id, this.controls.get(id)!)));
		return polls;
	}

	/** One facilitator's action in one conference, e.g. `control:question`; its answer. */
	async control<T>(conferenceId: string, event: string, input: object): Promise<T> {
		const control = this.controls.get(conferenceId);
		if (!control) {
			throw new Error(`no control screen for conference ${conferenceId}`);
		}
		return ask<T>(control, event, { conferenceId, ...input });
	}

	/** Moves one conference's agenda (stage, shown item), from the version it is at now. */
	async agenda(conferenceId: string, action: AgendaAction): Promise<AgendaState> {
		const { agenda } = await this.control<ControlSnapshot>(conferenceId, 'control:watch', {});
		return this.control(conferenceId, 'control:agenda', {
			action,
			expectedVersion: agenda.version
		});
	}

	/** The facilitators' tallies, computed by the server from the stored votes. */
	async tallies(): Promise<StaffTally[]> {
		const all: StaffTally[] = [];
		for (const [conferenceId, control] of this.controls) {
			const snapshot = await ask<ControlSnapshot>(control, 'control:watch', { conferenceId });
			all.push(...snapshot.tallies);
		}
		return all;
	}

	close() {
		this.sockets.forEach((s) => s.disconnect());
	}
}
