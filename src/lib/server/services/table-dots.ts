import type { z } from 'zod';
import { checkDot, dotsOf, tallyDots, type Dot } from '$lib/domain/table-picks';
import type { TableDotInput } from '$lib/realtime/schemas';
import type { TablePicks } from '$lib/realtime/table';
import { AppError } from '../errors';
import type { Db } from '../db';
import { deleteDot, insertDot, listDots, lockTable, type TableRow } from '../db/queries/tables';
import { ownTable, type TableActor } from './table-access';

export function picksOf(
	tableId: string,
	dots: readonly Dot[],
	discussed: readonly string[]
): TablePicks {
	return { tableId, dots: tallyDots(dots, discussed) };
}

/**
 * Puts or takes away a participant's dot on one of the table's discussed cards. The table row is
 * locked meanwhile, so two phones of one person cannot together spend more dots than they have.
 */
export async function setDot(
	db: Db,
	actor: TableActor | null | undefined,
	input: z.infer<typeof TableDotInput>
): Promise<{ table: TableRow; picks: TablePicks; myDots: string[] }> {
	return db.transaction(async (tx) => {
		const { table, deck } = await ownTable(tx, actor, input.tableId, 'deck:act');
		const participantId = actor!.id;
		await lockTable(tx, table.id);
		const discussed = deck?.discussed ?? [];
		let dots = await listDots(tx, [table.id]);
		if (input.on) {
			const allowed = checkDot(dotsOf(dots, participantId, discussed), input.cardId, discussed);
			if (!allowed.ok) {
				throw new AppError('conflict', allowed.message);
			}
			await insertDot(tx, table.id, participantId, input.cardId);
		} else {
			await deleteDot(tx, table.id, participantId, input.cardId);
		}
		dots = await listDots(tx, [table.id]);
		return {
			table,
			picks: picksOf(table.id, dots, discussed),
			myDots: dotsOf(dots, participantId, discussed)
		};
	});
}
