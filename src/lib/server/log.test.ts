import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

/** The JSON lines a logger at `debug` writes, parsed. */
function capture() {
	const lines: Record<string, unknown>[] = [];
	const log = createLogger('debug', { node: 'n1' }, (line) => lines.push(JSON.parse(line)));
	return { log, lines };
}

describe('createLogger', () => {
	it('writes one JSON line with the message, the context and the fields', () => {
		const { log, lines } = capture();
		log.child({ conferenceId: 'c1' }).info('joined', { participants: 3 });
		expect(lines).toEqual([
			expect.objectContaining({
				level: 'info',
				msg: 'joined',
				node: 'n1',
				conferenceId: 'c1',
				participants: 3
			})
		]);
	});

	it('leaves out levels below its own', () => {
		const lines: string[] = [];
		const log = createLogger('warn', {}, (line) => lines.push(line));
		log.info('quiet');
		log.warn('loud');
		expect(lines.map((l) => JSON.parse(l).msg)).toEqual(['loud']);
	});

	it("keeps an error's name, message, stack and cause", () => {
		const { log, lines } = capture();
		const cause = new TypeError('bad row');
		log.error('failed', { error: new Error('write failed', { cause }) });
		const error = lines[0]!.error as Record<string, unknown>;
		expect(error).toMatchObject({ name: 'Error', message: 'write failed' });
		expect(error.stack).toContain('write failed');
		expect(error.cause).toMatchObject({ name: 'TypeError', message: 'bad row' });
	});

	it("lists an AggregateError's errors", () => {
		const { log, lines } = capture();
		log.error('failed', { error: new AggregateError([new Error('a'), new Error('b')]) });
		const error = lines[0]!.error as { errors: { message: string }[] };
		expect(error.errors.map((e) => e.message)).toEqual(['a', 'b']);
	});

	it('says what a rejection with no error was, instead of dropping it or writing {}', () => {
		const { log, lines } = capture();
		class Closed {
			toString() {
				return 'connection closed';
			}
		}
		log.error('unhandled rejection', { error: undefined });
		log.error('unhandled rejection', { error: new Closed() });
		expect(lines.map((l) => l.error)).toEqual([
			{ type: 'undefined', value: 'undefined' },
			{ type: 'Closed', value: 'connection closed' }
		]);
	});

	it('writes plain values and objects as they are', () => {
		const { log, lines } = capture();
		log.info('counts', { byKind: { a: 1 }, list: [1, 2], none: null, empty: {} });
		expect(lines[0]).toMatchObject({ list: [1, 2], none: null });
		expect(lines[0]!.byKind).toEqual({ a: 1 });
		expect(lines[0]!.empty).toEqual({});
	});
});
