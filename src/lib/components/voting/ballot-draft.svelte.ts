import type { Ballot, VoteValue } from '$lib/domain/ballots/types';
import { initialDraft, type DraftFields } from './draft';

/** A voter's unsent answer on one ballot, as reactive state the inputs write to. */
export class BallotDraft implements DraftFields {
	optionId = $state<string | null>(null);
	optionIds = $state<string[]>([]);
	ranking = $state<string[]>([]);
	points = $state<Record<string, number>>({});
	scale = $state<number | null>(null);
	text = $state('');

	constructor(ballot: Ballot, own?: VoteValue) {
		const start = initialDraft(ballot, own);
		this.optionId = start.optionId;
		this.optionIds = start.optionIds;
		this.ranking = start.ranking;
		this.points = start.points;
		this.scale = start.scale;
		this.text = start.text;
	}

	/** A plain snapshot of every field. */
	get fields(): DraftFields {
		return {
			optionId: this.optionId,
			optionIds: this.optionIds,
			ranking: this.ranking,
			points: this.points,
			scale: this.scale,
			text: this.text
		};
	}
}
