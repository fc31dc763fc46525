import type { PollInfo } from '$lib/realtime/events';

export type QuestionStatus = PollInfo['status'];
export type QuestionAction = 'open' | 'close' | 'reveal';

/**
 * A question's status from its polls (which move together): no polls yet means it has never
 * been opened; any open poll means open; all revealed means revealed; otherwise closed.
 */
export function questionStatus(polls: readonly PollInfo[]): QuestionStatus {
	if (polls.length === 0 || polls.every((p) => p.status === 'draft')) {
		return 'draft';
	}
	if (polls.some((p) => p.status === 'open')) {
		return 'open';
	}
	if (polls.every((p) => p.status === 'revealed')) {
		return 'revealed';
	}
	return 'closed';
}

/** Which actions the server accepts from a status (see MOVES in the voting service). */
export function allowedActions(status: QuestionStatus): Record<QuestionAction, boolean> {
	return {
		open: status === 'draft' || status === 'closed',
		close: status === 'open',
		reveal: status === 'open' || status === 'closed'
	};
}
