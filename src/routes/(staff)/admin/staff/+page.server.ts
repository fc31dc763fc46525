import { m } from '$lib/paraglide/messages';
import { allowStaff } from '$lib/server/auth/page-guard';
import { listStaff } from '$lib/server/db/queries/staff';
import { AppError } from '$lib/server/errors';
import { InviteForm, parseStaffForm, StaffIdForm } from '$lib/server/forms/staff';
import { done, failWith, invalid } from '$lib/server/forms/results';
import { getRuntime } from '$lib/server/runtime';
import { audit } from '$lib/server/services/audit';
import { inviteStaff, resetLink } from '$lib/server/services/staff-auth';

const db = () => getRuntime().database.db;

/** The one-time link as a full address to send, on the public origin when one is configured. */
const absolute = (path: string, url: URL) => `${getRuntime().config.origin ?? url.origin}${path}`;

export const load = async (event) => {
	await allowStaff(event, 'staff:invite');
	return { staff: await listStaff(db()) };
};

export const actions = {
	invite: async (event) => {
		const admin = await allowStaff(event, 'staff:invite');
		const parsed = parseStaffForm(InviteForm, await event.request.formData());
		if (!parsed.ok) {
			return invalid('invite', parsed);
		}
		try {
			const { staff, path } = await inviteStaff(db(), parsed.data);
			await audit(db(), admin, { action: 'staff:invite', details: { staffId: staff.id } });
			return {
				...done('invite', m.staff_invited({ name: staff.name }), staff.id),
				link: absolute(path, event.url),
				linkFor: staff.name
			};
		} catch (e) {
			if (e instanceof AppError && e.code === 'conflict') {
				return failWith(new AppError('conflict', m.staff_email_taken()), 'invite');
			}
			return failWith(e, 'invite');
		}
	},
	reset: async (event) => {
		const admin = await allowStaff(event, 'staff:reset-password');
		const form = await event.request.formData();
		const parsed = parseStaffForm(StaffIdForm, form);
		if (!parsed.ok) {
			return invalid('reset', parsed);
		}
		const person = (await listStaff(db())).find((s) => s.id === parsed.data.staffId);
		if (!person) {
			return failWith(new AppError('not_found', m.admin_error_staff()), 'reset');
		}
		const path = await resetLink(db(), person.id);
		await audit(db(), admin, { action: 'staff:reset-password', details: { staffId: person.id } });
		return {
			...done('reset', m.staff_reset_made({ name: person.name }), person.id),
			link: absolute(path, event.url),
			linkFor: person.name
		};
	}
};
