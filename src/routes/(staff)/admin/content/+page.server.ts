import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { Problem } from '$lib/content/schema';
import { allowStaff } from '$lib/server/auth/page-guard';
import { filesFromZip, MAX_ZIP_BYTES, type ZipError } from '$lib/server/content/zip-pack';
import { listPackVersions } from '$lib/server/db/queries/content';
import { getRuntime } from '$lib/server/runtime';
import { audit } from '$lib/server/services/audit';
import { ContentPackError, importPack } from '$lib/server/services/content';

export const load = async (event) => {
	await allowStaff(event, 'round:edit');
	const versions = await listPackVersions(getRuntime().database.db);
	return { versions };
};

export const actions = {
	/** A pack as a .zip of its files: validated whole, stored all or nothing. */
	default: async (event) => {
		const staff = await allowStaff(event, 'round:edit');
		const file = (await event.request.formData()).get('pack');
		if (!(file instanceof File) || file.size === 0) {
			return fail(400, { message: m.content_admin_no_file(), problems: [] as Problem[] });
		}
		if (file.size > MAX_ZIP_BYTES) {
			return fail(413, { message: m.content_admin_too_large(), problems: [] as Problem[] });
		}
		const unzipped = filesFromZip(new Uint8Array(await file.arrayBuffer()));
		if (!unzipped.ok) {
			return fail(400, { message: zipMessage(unzipped.error), problems: [] as Problem[] });
		}
		try {
			const result = await importPack(getRuntime().database.db, unzipped.files);
			const names = { pack: result.pack.meta.id, version: result.pack.meta.version };
			if (result.status === 'imported') {
				await audit(getRuntime().database.db, staff, { action: 'content:import', details: names });
			}
			return {
				status: result.status,
				message:
					result.status === 'imported'
						? m.content_admin_imported(names)
						: m.content_admin_unchanged(names)
			};
		} catch (e) {
			if (e instanceof ContentPackError) {
				return fail(400, { message: m.content_admin_problems(), problems: e.problems });
			}
			throw e;
		}
	}
};

function zipMessage(error: ZipError): string {
	switch (error.code) {
		case 'not_zip':
			return m.content_admin_not_zip();
		case 'too_large':
			return m.content_admin_too_large();
		case 'unsafe_path':
			return m.content_admin_unsafe_path({ path: error.path });
		case 'not_utf8':
			return m.content_admin_not_utf8({ path: error.path });
		case 'empty':
			return m.content_admin_empty();
	}
}
