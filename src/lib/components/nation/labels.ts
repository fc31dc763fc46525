import { m } from '$lib/paraglide/messages';
import type { ParticipantRole } from '$lib/domain/participant-role';

const ROLE_LABELS: Record<ParticipantRole, () => string> = {
	folkevalgt: m.role_folkevalgt,
	administrasjon: m.role_administrasjon,
	tillitsvalgt: m.role_tillitsvalgt,
	annet: m.role_annet
};

/** A participant role in the reader's language. */
export function roleLabel(role: ParticipantRole): string {
	return ROLE_LABELS[role]();
}

/** "Folkevalgt og Tillitsvalgt", or "alle roller" for everyone. */
export function rolesLabel(roles: readonly ParticipantRole[] | null): string {
	if (!roles || roles.length === 0) {
		return m.nation_all_roles();
	}
	return roles.map(roleLabel).join(', ');
}
