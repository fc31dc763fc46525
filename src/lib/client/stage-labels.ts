import { m } from '$lib/paraglide/messages';
import type { Stage } from '$lib/domain/agenda';

/** The IGP stage names in the user's language. */
export const stageLabel: Record<Stage, () => string> = {
	lobby: m.stage_lobby,
	individual: m.stage_individual,
	table: m.stage_table,
	plenary: m.stage_plenary,
	ended: m.stage_ended
};
