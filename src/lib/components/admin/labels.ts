import { m } from '$lib/paraglide/messages';
import { CONFERENCE_STATUSES, ROUND_STATUSES } from '$lib/domain/statuses';

/** UI labels for the stored status and role values. */

export function statusLabel(status: string): string {
	switch (status) {
		case 'draft':
			return m.admin_status_draft();
		case 'live':
			return m.admin_status_live();
		case 'closed':
			return m.admin_status_closed();
		case 'archived':
			return m.admin_status_archived();
		default:
			return status;
	}
}

export function roleLabel(role: string): string {
	switch (role) {
		case 'folkevalgt':
			return m.role_folkevalgt();
		case 'administrasjon':
			return m.role_administrasjon();
		case 'tillitsvalgt':
			return m.role_tillitsvalgt();
		case 'annet':
			return m.role_annet();
		default:
			return role;
	}
}

export const roundStatusOptions = () =>
	ROUND_STATUSES.map((value) => ({ value, label: statusLabel(value) }));

export const conferenceStatusOptions = () =>
	CONFERENCE_STATUSES.map((value) => ({ value, label: statusLabel(value) }));

/** 2022-11-03 → 3. november 2022, in the UI's language. */
export function formatDate(isoDate: string | null, locale: string): string {
	if (!isoDate) {
		return '';
	}
	const date = new Date(`${isoDate}T12:00:00Z`);
	const tag = locale === 'en' ? 'en-GB' : locale === 'nn' ? 'nn-NO' : 'nb-NO';
	return new Intl.DateTimeFormat(tag, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(date);
}
