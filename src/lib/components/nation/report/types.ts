import type { PublicResult } from '$lib/domain/tally';
import type { NationalView } from '$lib/realtime/nation';

/** What a printable report is drawn from (services/report.ts computes it). */

export interface ReportText {
	text: string;
	regionId: string;
	tableNumber: number | null;
	upvotes: number;
	type: 'answer' | 'table-answer';
}

export interface ReportNote {
	text: string;
	tableNumber: number;
	cardId: string | null;
	conference: string;
}

export interface ReportData {
	view: NationalView;
	/** The national figure with every county counting the same, by ballot id. */
	nationEqual: Record<string, PublicResult>;
	/** The county's (or the nation's) visible answers by ballot id: all, or the most upvoted. */
	texts: Record<string, ReportText[]>;
	/** How many visible answers each ballot has in the report's scope. */
	textCounts: Record<string, number>;
	notes: ReportNote[];
	participants: { total: number; byRole: Record<string, number> };
	packTitle: string | null;
	generatedAt: number;
}

/** A deck card as the notes section names it. */
export interface ReportCard {
	id: string;
	number: number;
	text: string;
	themeId: string;
}
