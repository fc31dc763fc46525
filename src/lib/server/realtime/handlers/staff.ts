import { AgendaCommand, QuestionCommand, ModerateCommand } from '$lib/realtime/schemas';
import { rooms } from '$lib/realtime/rooms';
import { toPhones } from '../phone-broadcast';
import { AppError } from '../../errors';
import { requireStaff } from '../../auth/guard';
import { findPoll, setAnswerHidden } from '../../db/queries/polls';
import { controlSnapshot, presenterSnapshot } from '../../services/conference-state';
import { hideComparison } from '../../services/comparison';
import { moveAgenda } from '../../services/agenda';
import { packForConference } from '../../services/content';
import { controlQuestion } from '../../services/voting';
import { pollInfo } from '../tallies';
import { audit } from '../../services/audit';
import { joinToWatch, staffOf, type Handlers } from './context';

const QUESTION_ACTIONS = { open: 'poll:open', close: 'poll:close', reveal: 'poll:reveal' } as const;

/** Presenter and control screens of the facilitator: watch a conference and run it. */
export const staffHandlers: Handlers<
	'presenter:watch' | 'control:watch' | 'control:agenda' | 'control:question' | 'control:moderate'
> = {
	'presenter:watch': async (context, raw) => {
		const conferenceId = await joinToWatch(context, raw, 'presenter:view', rooms.presenter);
		return presenterSnapshot(context.db, context.counts, context.tallies, conferenceId);
	},

	'control:watch': async (context, raw) => {
		const conferenceId = await joinToWatch(context, raw, 'conference:control', rooms.control);
		return controlSnapshot(context.db, context.counts, context.tallies, conferenceId);
	},

	'control:agenda': async (context, raw) => {
		const { io, db } = context;
		const input = AgendaCommand.parse(raw);
		const who = await requireStaff(
			db,
			await staffOf(context),
			'conference:control',
			input.conferenceId
		);
		// The move and its audit entry commit together; then the screens are told before
		// anything else can fail (a retry would find nothing to change, and tell no one).
		const { agenda, changed } = await db.transaction(async (tx) => {
			const moved = await moveAgenda(tx, input.conferenceId, input.action, input.expectedVersion);
			if (moved.changed) {
				await audit(tx, who, {
					action: 'conference:control',
					conferenceId: input.conferenceId,
					details: input.action
				});
			}
			return moved;
		});
		if (changed) {
			const change = { conferenceId: input.conferenceId, agenda };
			io.to(rooms.screens(input.conferenceId)).emit('agenda:changed', change);
			void toPhones(io, input.conferenceId, 'agenda:changed', change);
			if (input.action.type === 'show' || input.action.type === 'end') {
				// One thing at a time: showing something else ends the county-vs-nation comparison.
				const hidden = await hideComparison(db, who, input.conferenceId, null);
				if (hidden) {
					io.to(rooms.screens(input.conferenceId)).emit('poll:comparison-hidden', {
						conferenceId: input.conferenceId,
						pollId: hidden,
						at: Date.now()
					});
				}
			}
		}
		return agenda;
	},

	'control:question': async (context, raw) => {
		const { io, db, tallies } = context;
		const input = QuestionCommand.parse(raw);
		const action = QUESTION_ACTIONS[input.action];
		const who = await requireStaff(db, await staffOf(context), action, input.conferenceId);
		const pack = await packForConference(db, input.conferenceId);
		const { polls, changed } = await controlQuestion(
			db,
			pack,
			input.conferenceId,
			input.questionId,
			input.action,
			(tx) =>
				audit(tx, who, {
					action,
					conferenceId: input.conferenceId,
					details: { questionId: input.questionId }
				})
		);
		const infos = polls.map(pollInfo);
		// Committed with its audit entry: the screens are told before anything else can fail.
		if (changed) {
			const change = { conferenceId: input.conferenceId, polls: infos };
			io.to(rooms.screens(input.conferenceId)).emit('polls:changed', change);
			void toPhones(io, input.conferenceId, 'polls:changed', change);
			polls.forEach((poll) => tallies.changed(poll.id));
		}
		return infos;
	},

	'control:moderate': async (context, raw) => {
		const { db, tallies } = context;
		const input = ModerateCommand.parse(raw);
		const who = await requireStaff(db, await staffOf(context), 'text:moderate', input.conferenceId);
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
	}
};
