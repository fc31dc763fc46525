/**
 * The types of a ballot and of a vote on it, shared by the content pack (which defines ballots),
 * the voting domain (which validates and tallies votes) and the UI (which renders them). Type-only:
 * the schemas that check them are in schema.ts.
 */
export type { Ballot, BallotCondition, BallotKind, BallotOption, VoteValue } from './schema';
