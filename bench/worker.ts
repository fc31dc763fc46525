/**
 * A load-generator process: holds its share of the phones and runs each phase the parent asks
 * for, answering with raw samples (the parent computes the percentiles). Started by fleet.ts.
 */
import type { PollInfo } from '../src/lib/realtime/events';
import type { Command, JoinResult, Reply, Request, WorkerSetup } from './messages';
import { noErrors, recordError } from './errors';
import { Phone } from './phone';
import { castVotes, pickPoll, type VotePlan } from './voting';
import { canonical, now } from './stats';
import { phonesBehind, reconnectAll, reconnectOneByOne } from './reconnect';
import { sampleLoop } from './loop-sampler.js';

const phones: Phone[] = [];
/** The conference's polls as the phones last heard of them, by conference id. */
const polls = new Map<string, PollInfo[]>();
let events: Record<string, number> = {};

const hooks = {
	polls: (conferenceId: string, list: PollInfo[]) => polls.set(conferenceId, list),
	event: (name: string) => {
		events[name] = (events[name] ?? 0) + 1;
	}
};

// Once the parent has let go (the run ending), a late loop sample has nowhere to go: the
// callback takes the write's error, which would otherwise crash this process with EPIPE.
const send = (reply: Reply) => {
	if (process.connected) {
		process.send!(reply, undefined, {}, () => {});
	}
};

// A load process that falls behind delays the answers it times: the report shows its loop too.
sampleLoop(({ lags, elu }) => send({ type: 'probe', at: now(), lags, elu }));

process.on('message', (message: WorkerSetup | Request) => {
	if (message.type === 'setup') {
		for (const spec of message.phones) {
			phones.push(new Phone(spec, message.nodeUrls[spec.node]!, hooks));
		}
		send({ type: 'ready' });
		return;
	}
	run(message).then(
		(result) => send({ type: 'result', id: message.id, result }),
		(error: unknown) => send({ type: 'failed', id: message.id, message: String(error) })
	);
});
process.on('disconnect', () => process.exit(0));

async function run(command: Command): Promise<unknown> {
	switch (command.type) {
		case 'join':
			return joinAll(command.concurrency);
		case 'steady': {
			events = {};
			const plan: VotePlan = { ...command, pick: (phone) => pickPoll(phone, polls) };
			const lonePlan = { ...command, ...command.loneReconnects };
			const [votes, lone] = await Promise.all([
				castVotes(phones, plan),
				reconnectOneByOne(phones, lonePlan)
			]);
			return { ...votes, phoneEvents: events, lone, behind: await phonesBehind(phones) };
		}
		case 'burst': {
			events = {};
			const voters = phones.filter((p) => p.socket).slice(0, command.votes);
			const plan: VotePlan = {
				startAt: command.startAt,
				endAt: command.startAt + command.windowMs,
				intervalMs: command.windowMs,
				drawEveryMs: 0,
				once: true,
				pick: (phone) => command.polls[phone.spec.conferenceId] ?? null
			};
			return { ...(await castVotes(voters, plan)), phoneEvents: events };
		}
		case 'reconnect':
			return reconnectAll(phones, command.startAt);
		case 'verify': {
			// Only phones that read the database back after their last vote can check it.
			const back = phones.filter((p) => p.readBack);
			const lost = back.flatMap((p) => p.lostVotes());
			const acked = phones.flatMap((p) =>
				[...p.acked].map(([pollId, value]) => [p.participantId, pollId, canonical(value)])
			);
			const checked = back.reduce((n, p) => n + p.acked.size, 0);
			const unchecked = phones.filter((p) => !p.readBack && p.acked.size > 0).length;
			return { checked, unchecked, lost: lost.length, lostSamples: lost.slice(0, 10), acked };
		}
		case 'close':
			phones.forEach((p) => p.disconnect());
			return {};
	}
}

/** Joins every phone, `concurrency` at a time: form post, socket, phone:hello with the table. */
async function joinAll(concurrency: number): Promise<JoinResult> {
	const result: JoinResult = {
		joined: 0,
		joinMs: [],
		httpMs: [],
		helloMs: [],
		firstAt: now(),
		lastAt: 0,
		errors: noErrors()
	};
	let next = 0;
	const lane = async () => {
		while (next < phones.length) {
			const phone = phones[next++]!;
			const startedAt = now();
			try {
				await phone.join();
				const joinedAt = now();
				await phone.connect();
				result.lastAt = now();
				result.joined++;
				result.joinMs.push(result.lastAt - startedAt);
				result.httpMs.push(joinedAt - startedAt);
				result.helloMs.push(result.lastAt - joinedAt);
			} catch (error) {
				recordError(result.errors, 'join', error);
				phone.disconnect();
			}
		}
	};
	await Promise.all(Array.from({ length: concurrency }, lane));
	return result;
}
