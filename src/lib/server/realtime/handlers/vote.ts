import { AppError } from '../../errors';
import { VoteInput, UpvoteInput } from '$lib/realtime/schemas';
import { upvote } from '../../services/voting';
import type { HandlerContext } from './context';
import { checkWriteLimit } from './limits';

/** Participants vote and change their vote; the ack comes only after the vote is stored. */
export function registerVoteHandlers({ socket, run, db, tallies, votes, limits }: HandlerContext) {
	const voter = () => {
		const participant = socket.data.participant;
		if (!participant) {
			throw new AppError(
				'unauthenticated',
				'Du er ikke med i en konferanse ennå. Bli med med koden.'
			);
		}
		return participant;
	};

	socket.on('vote:cast', (raw, ack) =>
		run(ack, async () => {
			const input = VoteInput.parse(raw);
			await checkWriteLimit(limits, socket, 'vote');
			const stored = await votes.cast(voter(), input.pollId, input.value);
			tallies.changed(stored.pollId);
			return stored;
		})
	);

	socket.on('text:upvote', (raw, ack) =>
		run(ack, async () => {
			const input = UpvoteInput.parse(raw);
			await checkWriteLimit(limits, socket, 'text');
			await upvote(db, voter(), input.pollId, input.answerId);
			tallies.changed(input.pollId);
			return { pollId: input.pollId };
		})
	);
}
