import { WatchInput, AgendaCommand, QuestionCommand, ModerateCommand } from '$lib/realtime/schemas';
import { rooms } from '$lib/realtime/rooms';
import { toPhones } from '../phone-broadcast';
import { AppError } from '../../errors';
import { requireStaff } from '../../auth/guard';
import { findStaffIdentity } from '../../db/queries/staff';
import { findPoll, setAnswerHidden } from '../../db/queries/polls';
import { controlSnapshot, presenterSnapshot } from '../../services/conference-state';
import { hideComparison } from '../../services/comparison';
import { moveAgenda } from '../../services/agenda';
import { packForConference } from '../../services/content';
import { controlQuestion } from '../../services/voting';
import { pollInfo } from '../tallies';
import { audit } from '../../services/audit';
import type { HandlerContext } from './context';

/** Presenter and control screens of the facilitator: watch a conference and run it. */
export function registerStaffHandlers({ io, socket, run, db, counts, tallies }: HandlerContext) {
	const staff = async () =>
		(socket.data.staff ? await findStaffIdentity(db, socket.data.staff.id) : null) ?? null;
	const screens = (conferenceId: string) => [
		rooms.presenter(conferenceId),
		rooms.control(conferenceId)
	];

	socket.on('presenter:watch', (raw, ack) =>
		run(ack, async () => {
			const { conferenceId } = WatchInput.parse(raw);
			await requireStaff(db, await staff(), 'presenter:view', conferenceId);
			// In the room before the read: a change made meanwhile still reaches the screen.
			await socket.join(rooms.presenter(conferenceId));
			return presenterSnapshot(db, counts, tallies, conferenceId);
		})
	);

	socket.on('control:watch', (raw, ack) =>
		run(ack, async () => {
			const { conferenceId } = WatchInput.parse(raw);
			await requireStaff(db, await staff(), 'conference:control', conferenceId);
			// In the room before the read: a change made meanwhile still reaches the screen.
			await socket.join(rooms.control(conferenceId));
			return controlSnapshot(db, counts, tallies, conferenceId);
		})
	);

	socket.on('control:agenda', (raw, ack) =>
		run(ack, async () => {
			const input = AgendaCommand.parse(raw);
			const who = await requireStaff(db, await staff(), 'conference:control', input.conferenceId);
			const { agenda, changed } = await moveAgenda(
				db,
				input.conferenceId,
				input.action,
				input.expectedVersion
			);
			if (changed) {
				await audit(db, who, {
					action: 'conference:control',
					conferenceId: input.conferenceId,
					details: input.action
				});
				const change = { conferenceId: input.conferenceId, agenda };
				io.to(screens(input.conferenceId)).emit('agenda:changed', change);
				void toPhones(io, input.conferenceId, 'agenda:changed', change);
				if (input.action.type === 'show' || input.action.type === 'end') {
					// One thing at a time: showing something else ends the county-vs-nation comparison.
					const hidden = await hideComparison(db, who, input.conferenceId, null);
					if (hidden) {
						io.to([rooms.presenter(input.conferenceId), rooms.control(input.conferenceId)]).emit(
							'poll:comparison-hidden',
							{ conferenceId: input.conferenceId, pollId: hidden, at: Date.now() }
						);
					}
				}
			}
			return agenda;
		})
	);

	socket.on('control:question', (raw, ack) =>
		run(ack, async () => {
			const input = QuestionCommand.parse(raw);
			const action = { open: 'poll:open', close: 'poll:close', reveal: 'poll:reveal' } as const;
			const who = await requireStaff(db, await staff(), action[input.action], input.conferenceId);
			const pack = await packForConference(db, input.conferenceId);
			const { polls, changed } = await controlQuestion(
				db,
				pack,
				input.conferenceId,
				input.questionId,
				input.action
			);
			const infos = polls.map(pollInfo);
			if (changed) {
				await audit(db, who, {
					action: action[input.action],
					conferenceId: input.conferenceId,
					details: { questionId: input.questionId }
				});
				const change = { conferenceId: input.conferenceId, polls: infos };
				io.to(screens(input.conferenceId)).emit('polls:changed', change);
				void toPhones(io, input.conferenceId, 'polls:changed', change);
				polls.forEach((poll) => tallies.changed(poll.id));
			}
			return infos;
		})
	);

	socket.on('control:moderate', (raw, ack) =>
		run(ack, async () => {
			const input = ModerateCommand.parse(raw);
			const who = await requireStaff(db, await staff(), 'text:moderate', input.conferenceId);
			const poll = await findPoll(db, input.pollId);
			if (!poll || poll.conferenceId !== input.conferenceId) {
				throw new AppError('not_found', 'Avstemningen finnes ikke.');
			}
			if (!(await setAnswerHidden(db, poll, input.answerId, input.hidden))) {
				throw new AppError('not_found', 'Svaret finnes ikke.');
			}
			await audit(db, who, {
				action: 'text:moderate',
				conferenceId: input.conferenceId,
				details: { pollId: poll.id, answerId: input.answerId, hidden: input.hidden }
			});
			tallies.changed(poll.id);
			return { pollId: poll.id };
		})
	);
}
