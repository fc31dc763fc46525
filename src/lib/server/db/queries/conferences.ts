import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { conferences, polls, regions, rounds } from '../schema';
import type { ConferenceSummary } from '$lib/realtime/events';
import type { PollRow } from './polls';
import type { AgendaState } from '$lib/domain/agenda';
import { AgendaState as AgendaStateSchema } from '$lib/domain/agenda-schema';

const summaryColumns = {
	id: conferences.id,
	title: conferences.title,
	regionName: regions.name,
	joinCode: conferences.joinCode,
	status: conferences.status,
	verified: conferences.verified
};

export async function findConferenceByJoinCode(
	db: DbOrTx,
	joinCode: string
): Promise<ConferenceSummary | undefined> {
	const [row] = await db
		.select(summaryColumns)
		.from(conferences)
		.innerJoin(regions, eq(regions.id, conferences.regionId))
		.where(eq(conferences.joinCode, joinCode));
	return row;
}

export async function findConferenceById(
	db: DbOrTx,
	id: string
): Promise<ConferenceSummary | undefined> {
	const [row] = await db
		.select(summaryColumns)
		.from(conferences)
		.innerJoin(regions, eq(regions.id, conferences.regionId))
		.where(eq(conferences.id, id));
	return row;
}

export interface ConferenceState {
	conference: ConferenceSummary;
	agenda: AgendaState;
	polls: PollRow[];
}

/** Every poll of the conference (draft ones too), as PollRows in one JSON array. */
const conferencePolls = sql<PollRow[]>`coalesce((
	select json_agg(json_build_object(
		'id', p.id, 'conferenceId', p.conference_id, 'questionId', p.question_id,
		'ballotId', p.ballot_id, 'ballot', p.ballot, 'status', p.status))
	from ${polls} p where p.conference_id = ${conferences.id}), '[]'::json)`;

/**
 * Each conference, its agenda and its polls, by id, in one statement however many are asked for:
 * what every screen reads on each (re)connect, so a hall of phones coming back costs a round trip
 * per batch, not three per phone.
 */
export async function findConferenceStates(
	db: DbOrTx,
	ids: string[]
): Promise<Map<string, ConferenceState>> {
	if (ids.length === 0) {
		return new Map();
	}
	const rows = await db
		.select({ ...summaryColumns, agenda: conferences.agenda, polls: conferencePolls })
		.from(conferences)
		.innerJoin(regions, eq(regions.id, conferences.regionId))
		.where(inArray(conferences.id, ids));
	return new Map(
		rows.map(({ agenda, polls: rows, ...conference }) => [
			conference.id,
			{ conference, agenda: AgendaStateSchema.parse(agenda), polls: rows }
		])
	);
}

export interface ConferenceListItem extends ConferenceSummary {
	roundName: string;
}

/** Every live conference with its round and region, by round then region name. */
export async function listLiveConferences(db: DbOrTx): Promise<ConferenceListItem[]> {
	return db
		.select({ ...summaryColumns, roundName: rounds.name })
		.from(conferences)
		.innerJoin(regions, eq(regions.id, conferences.regionId))
		.innerJoin(rounds, eq(rounds.id, conferences.roundId))
		.where(eq(conferences.status, 'live'))
		.orderBy(asc(rounds.createdAt), asc(regions.name));
}

export async function countRounds(db: DbOrTx): Promise<number> {
	const rows = await db.select({ id: rounds.id }).from(rounds).limit(1);
	return rows.length;
}

/** The conference's agenda state, parsed. */
export async function getAgenda(
	db: DbOrTx,
	conferenceId: string
): Promise<AgendaState | undefined> {
	const [row] = await db
		.select({ agenda: conferences.agenda })
		.from(conferences)
		.where(eq(conferences.id, conferenceId));
	return row ? AgendaStateSchema.parse(row.agenda) : undefined;
}

/** Writes `next` only if the stored agenda is still at `expectedVersion`; false when it moved on. */
export async function compareAndSetAgenda(
	db: DbOrTx,
	conferenceId: string,
	expectedVersion: number,
	next: AgendaState
): Promise<boolean> {
	const rows = await db
		.update(conferences)
		.set({ agenda: next })
		.where(
			and(
				eq(conferences.id, conferenceId),
				sql`(${conferences.agenda}->>'version')::int = ${expectedVersion}`
			)
		)
		.returning({ id: conferences.id });
	return rows.length === 1;
}
