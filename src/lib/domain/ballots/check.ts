import { fail } from '../result';
import type { DomainError } from '../result';
import type { VoteValue } from './types';

/** A vote that passed validation, normalised (e.g. trimmed text, zero points removed). */
export type VoteAccepted<V extends VoteValue = VoteValue> = { ok: true; value: V };

/** A vote that failed validation; `message` is a short Norwegian sentence for the voter. */
export type VoteRejected = DomainError<'invalid_vote'>;

export type VoteCheck<V extends VoteValue = VoteValue> = VoteAccepted<V> | VoteRejected;

export function accept<V extends VoteValue>(value: V): VoteAccepted<V> {
	return { ok: true, value };
}

export function reject(message: string): VoteRejected {
	return fail('invalid_vote', message);
}

export const MESSAGES = {
	unreadable: 'Stemmen kunne ikke leses. Prøv igjen.',
	wrongKind: 'Stemmen passer ikke til denne avstemningen.',
	misconfigured: 'Denne avstemningen er satt opp feil. Si fra til ordstyreren.'
} as const;

/**
 * A count with a neuter Norwegian noun: `amount(1, 'alternativ', 'alternativer')` gives
 * 'ett alternativ', `amount(3, …)` gives '3 alternativer'.
 */
export function amount(n: number, singular: string, plural: string): string {
	return n === 1 ? `ett ${singular}` : `${n} ${plural}`;
}
