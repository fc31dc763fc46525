import { request, type TestSocket } from './socket';
import type { ControlSnapshot, PollInfo } from '../../src/lib/realtime/events';

/** A facilitator's control socket on a conference: open, close and reveal questions. */
export async function controlOf(socket: TestSocket, conferenceId: string) {
	const watched = await request<ControlSnapshot>(socket, 'control:watch', { conferenceId });
	if (!watched.ok) {
		throw new Error(watched.error.message);
	}
	const question = async (questionId: string, action: 'open' | 'close' | 'reveal') => {
		const result = await request<PollInfo[]>(socket, 'control:question', {
			conferenceId,
			questionId,
			action
		});
		if (!result.ok) {
			throw new Error(result.error.message);
		}
		return result.data;
	};
	return { snapshot: watched.data, question };
}
