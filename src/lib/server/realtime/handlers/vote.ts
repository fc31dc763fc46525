import { VoteInput, UpvoteInput } from '$lib/realtime/schemas';
import { upvote } from '../../services/voting';
import { participantOf, type Handlers } from './context';
import { checkWriteLimit } from './limits';

/** Participants vote and change their vote; the ack comes only after the vote is stored. */
export const voteHandlers: Handlers<'vote:cast' | 'text:upvote'> = {
	'vote:cast': async (context, raw) => {
		const { socket, tallies, votes, limits } = context;
		const input = VoteInput.parse(raw);
		await checkWriteLimit(limits, socket, 'vote');
		const stored = await votes.cast(participantOf(context), input.pollId, input.value);
		tallies.changed(stored.pollId);
		return stored;
	},

	'text:upvote': async (context, raw) => {
		const { socket, db, tallies, limits } = context;
		const input = UpvoteInput.parse(raw);
		await checkWriteLimit(limits, socket, 'text');
		await upvote(db, participantOf(context), input.pollId, input.answerId);
		tallies.changed(input.pollId);
		return { pollId: input.pollId };
	}
};
