/** Room names say what they hold. Participants never join a room that receives hidden results. */
export const rooms = {
	/** Every phone of a conference. */
	phones: (conferenceId: string) => `phones:${conferenceId}`,
	/** Every presenter screen of a conference. */
	presenter: (conferenceId: string) => `presenter:${conferenceId}`
};
