import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command, LoopSample, PhoneSpec, Reply } from './messages';

interface Pending {
	resolve(result: unknown): void;
	reject(error: Error): void;
}

/** The load-generator processes: each holds a share of the phones; the parent drives phases. */
export class Fleet {
	private nextId = 1;
	private readonly pending = new Map<number, Pending>();
	/** Each process's event loop, second by second. */
	readonly loops: LoopSample[][];

	private constructor(readonly workers: ChildProcess[]) {
		this.loops = workers.map(() => []);
		workers.forEach((worker, w) => {
			worker.on('message', (reply: Reply) =>
				reply.type === 'probe' ? this.loops[w]!.push(reply) : this.answer(reply)
			);
			worker.on('exit', (code) => {
				for (const [id, p] of this.pending) {
					this.pending.delete(id);
					p.reject(new Error(`a load process exited with ${code}`));
				}
			});
		});
	}

	/** Forks ⌈phones / perWorker⌉ processes and hands each its phones. */
	static async start(nodeUrls: string[], phones: PhoneSpec[], perWorker: number) {
		const count = Math.ceil(phones.length / perWorker);
		const file = fileURLToPath(new URL('./worker.ts', import.meta.url));
		const workers = await Promise.all(
			Array.from({ length: count }, async (_, w) => {
				const worker = fork(file, [], {
					execArgv: ['--import', 'tsx'],
					serialization: 'advanced',
					stdio: ['ignore', 'inherit', 'inherit', 'ipc']
				});
				await new Promise<void>((resolve, reject) => {
					const onReady = (reply: Reply) => {
						if (reply.type === 'ready') {
							worker.off('message', onReady);
							resolve();
						}
					};
					worker.on('message', onReady);
					worker.once('exit', (code) => reject(new Error(`load process exited with ${code}`)));
					// Round-robin, so every process holds phones of every conference and node.
					const mine = phones.filter((_, i) => i % count === w);
					worker.send({ type: 'setup', nodeUrls, phones: mine });
				});
				return worker;
			})
		);
		return new Fleet(workers);
	}

	get pids(): number[] {
		return this.workers.map((w) => w.pid!);
	}

	/** Sends the command (or one per process) to every process; resolves with every answer. */
	all<T>(command: Command | ((worker: number) => Command)): Promise<T[]> {
		return Promise.all(
			this.workers.map((worker, w) => {
				const id = this.nextId++;
				const body = typeof command === 'function' ? command(w) : command;
				return new Promise<T>((resolve, reject) => {
					this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
					worker.send({ ...body, id });
				});
			})
		);
	}

	async stop() {
		await this.all({ type: 'close' }).catch(() => []);
		for (const worker of this.workers) {
			worker.disconnect();
		}
	}

	/** Loop samples never come here: the constructor keeps them in `loops`. */
	private answer(reply: Exclude<Reply, { type: 'probe' }>) {
		if (reply.type === 'ready') {
			return;
		}
		const pending = this.pending.get(reply.id);
		this.pending.delete(reply.id);
		if (reply.type === 'failed') {
			pending?.reject(new Error(reply.message));
		} else {
			pending?.resolve(reply.result);
		}
	}
}
