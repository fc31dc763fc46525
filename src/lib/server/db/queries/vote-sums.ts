import { eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../index';
import { votes } from '../schema';
import type { VoteSums } from '$lib/domain/ballots';
import type { BallotOf } from '$lib/domain/ballots/kinds';
import { rowsOf, type PollRow } from './polls';

/**
 * Ranking and points votes added up per option in the database (see `SUMMED_KINDS`): a poll of
 * hundreds of rankings, nearly all different, comes back as a few dozen rows.
 */

/** One row of `addUpVotes`: with `optionId` null, `amount` is the group's voters. */
interface SumRow {
	grp: string[];
	kind: 'ranking' | 'points';
	optionId: string | null;
	place: number | null;
	amount: number;
}

/**
 * Adds up the votes that `castVotes` selects as `(grp text[], kind text, value jsonb)`, one result
 * per `grp`: how many voters; for rankings, how many put each option in each place; for points,
 * the points each option got.
 */
export async function addUpVotes(
	db: DbOrTx,
	castVotes: SQL
): Promise<{ grp: string[]; sums: VoteSums }[]> {
	const result = await db.execute(sql`
		with cast_votes as (${castVotes})
		select grp, kind, null::text as "optionId", null::int as place, count(*)::float8 as amount
		from cast_votes group by grp, kind
		union all
		select grp, kind, e.option_id, (e.place - 1)::int, count(*)::float8
		from cast_votes, jsonb_array_elements_text(value->'ranking') with ordinality as e(option_id, place)
		where kind = 'ranking' group by grp, kind, e.option_id, e.place
		union all
		select grp, kind, p.key, null, sum(p.value::float8)
		from cast_votes, jsonb_each(value->'points') as p
		where kind = 'points' group by grp, kind, p.key`);
	return foldSums(rowsOf<SumRow>(result));
}

/** A ranking or points poll's votes, added up. */
export async function pollVoteSums(
	db: DbOrTx,
	poll: PollRow & { ballot: BallotOf<'ranking' | 'points'> }
): Promise<VoteSums> {
	const [added] = await addUpVotes(
		db,
		sql`select '{}'::text[] as grp, ${poll.ballot.kind}::text as kind, ${votes.value} as value
			from ${votes} where ${eq(votes.pollId, poll.id)}`
	);
	return added?.sums ?? toSums(poll.ballot.kind, 0);
}

function foldSums(rows: readonly SumRow[]): { grp: string[]; sums: VoteSums }[] {
	const groups = new Map<
		string,
		{ grp: string[]; kind: SumRow['kind']; voters: number; parts: SumRow[] }
	>();
	for (const row of rows) {
		const id = `${row.kind}\u0000${row.grp.join('\u0000')}`;
		const group = groups.get(id) ?? { grp: row.grp, kind: row.kind, voters: 0, parts: [] };
		groups.set(id, group);
		if (row.optionId === null) {
			group.voters = row.amount;
		} else {
			group.parts.push(row);
		}
	}
	return [...groups.values()].map(({ grp, kind, voters, parts }) => ({
		grp,
		sums: toSums(kind, voters, parts)
	}));
}

function toSums(kind: SumRow['kind'], voters: number, parts: readonly SumRow[] = []): VoteSums {
	if (kind === 'ranking') {
		const places = parts.map((p) => ({ optionId: p.optionId!, place: p.place!, voters: p.amount }));
		return { kind, voters, places };
	}
	return { kind, voters, sums: parts.map((p) => ({ optionId: p.optionId!, points: p.amount })) };
}
