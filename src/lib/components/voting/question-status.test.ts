import { describe, expect, it } from 'vitest';
import { single } from '$lib/domain/ballots/test-ballots';
import type { PollInfo } from '$lib/realtime/events';
import { allowedActions, questionStatus } from './question-status';

const poll = (status: PollInfo['status']): PollInfo => ({
	id: status,
	questionId: 'q',
	ballotId: 'single',
	ballot: single(),
	status
});

describe('questionStatus', () => {
	it('is not opened until the question has polls', () => {
		expect(questionStatus([])).toBe('draft');
	});

	it('is open while any ballot is open, revealed when all are', () => {
		expect(questionStatus([poll('closed'), poll('open')])).toBe('open');
		expect(questionStatus([poll('revealed'), poll('revealed')])).toBe('revealed');
		expect(questionStatus([poll('revealed'), poll('closed')])).toBe('closed');
	});
});

describe('allowedActions', () => {
	it('follows the moves the server accepts', () => {
		expect(allowedActions('draft')).toEqual({ open: true, close: false, reveal: false });
		expect(allowedActions('open')).toEqual({ open: false, close: true, reveal: true });
		expect(allowedActions('closed')).toEqual({ open: true, close: false, reveal: true });
		expect(allowedActions('revealed')).toEqual({ open: false, close: false, reveal: false });
	});
});
