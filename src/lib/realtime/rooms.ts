/** Room names say what they hold. Participants never join a room that receives hidden results. */
export const rooms = {
	/** Every phone of a conference: public state only. */
	phones: (conferenceId: string) => `phones:${conferenceId}`,
	/** One of the groups the conference's phones are spread over (see phone-broadcast.ts). */
	phoneGroup: (conferenceId: string, group: number) => `phones:${conferenceId}:${group}`,
	/** The phones at one table. */
	table: (tableId: string) => `table:${tableId}`,
	/** Every presenter screen of a conference: revealed results only. */
	presenter: (conferenceId: string) => `presenter:${conferenceId}`,
	/** Facilitators' control views: may receive hidden results. */
	control: (conferenceId: string) => `control:${conferenceId}`,
	/** The staff's screens of a conference, presenters and control views (never the phones). */
	screens: (conferenceId: string) => [rooms.presenter(conferenceId), rooms.control(conferenceId)],
	/** KS staff on the national dashboard of a round: every conference's results. */
	nation: (roundId: string) => `round:${roundId}:national`
};
