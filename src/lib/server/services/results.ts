import type { ParticipantRole } from '$lib/domain/participant-role';
import type { Weighting } from '$lib/domain/rollup';
import type { PublicResult } from '$lib/domain/tally';
import type { NationalView } from '$lib/realtime/nation';
import type { DbOrTx } from '../db';
import { buildView, readRound } from './nation';

/** results.json: every "KS spør" ballot by conference, county and nation, both weightings. */
export interface ResultsFile {
	format: 'droft-results/1';
	generatedAt: string;
	round: { id: string; name: string; status: string };
	/** Groups with fewer voters show only `voters` and `suppressed: true`. */
	minGroup: number;
	/** The roles counted; null for everyone. */
	roles: ParticipantRole[] | null;
	regions: NationalView['regions'];
	conferences: { id: string; title: string; regionId: string }[];
	questions: {
		id: string;
		number: number;
		themeId: string;
		text: string;
		ballots: {
			ballotId: string;
			kind: string;
			title: string;
			options: { id: string; label: string }[];
			byConference: Record<string, PublicResult>;
			byRegion: Record<string, PublicResult>;
			nation: Record<Weighting, PublicResult>;
			nationRegionIds: Record<Weighting, string[]>;
		}[];
	}[];
}

/** Computed from the stored votes now (never a dashboard's merged read): exports are exact. */
export async function resultsFile(
	db: DbOrTx,
	roundId: string,
	roles: ParticipantRole[] | null,
	now = new Date()
): Promise<ResultsFile> {
	const data = await readRound(db, roundId);
	const perParticipant = await buildView(data, { roles, weighting: 'participant' });
	const regionEqual = await buildView(data, { roles, weighting: 'region-equal' });
	return {
		format: 'droft-results/1',
		generatedAt: now.toISOString(),
		round: { id: data.round.id, name: data.round.name, status: data.round.status },
		minGroup: perParticipant.minGroup,
		roles: perParticipant.roles,
		regions: data.regions,
		conferences: data.conferences.map(({ id, title, regionId }) => ({ id, title, regionId })),
		questions: perParticipant.questions.map((question, q) => ({
			id: question.id,
			number: question.number,
			themeId: question.themeId,
			text: question.text,
			ballots: question.ballots.map((result, b) => {
				const equal = regionEqual.questions[q]!.ballots[b]!;
				const { ballot } = result;
				return {
					ballotId: ballot.id,
					kind: ballot.kind,
					title: ballot.title,
					options:
						'options' in ballot ? ballot.options.map(({ id, label }) => ({ id, label })) : [],
					byConference: result.byConference,
					byRegion: result.byRegion,
					nation: { participant: result.nation, 'region-equal': equal.nation },
					nationRegionIds: {
						participant: result.nationRegionIds,
						'region-equal': equal.nationRegionIds
					}
				};
			})
		}))
	};
}
