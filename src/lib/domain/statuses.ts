/** The life of a round: set up as a draft, live while its conferences run, then closed and archived. */
export const ROUND_STATUSES = ['draft', 'live', 'closed', 'archived'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/** A conference can be joined only while live; a draft is being prepared, a closed one is over. */
export const CONFERENCE_STATUSES = ['draft', 'live', 'closed'] as const;
export type ConferenceStatus = (typeof CONFERENCE_STATUSES)[number];
