/** A participant's role: the only thing asked besides municipality. */
export const PARTICIPANT_ROLES = ['folkevalgt', 'administrasjon', 'tillitsvalgt', 'annet'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
