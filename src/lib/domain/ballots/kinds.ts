import type { Ballot, BallotKind, VoteValue } from './types';

/** The ballot of one kind, e.g. `BallotOf<'single'>`. */
export type BallotOf<K extends BallotKind> = Extract<Ballot, { kind: K }>;

/** The vote value of one kind, e.g. `VoteOf<'ranking'>`. */
export type VoteOf<K extends BallotKind> = Extract<VoteValue, { kind: K }>;

/** A ballot whose votes are chosen among options. */
export type OptionBallot = BallotOf<'single' | 'multiple' | 'ranking' | 'points'>;
