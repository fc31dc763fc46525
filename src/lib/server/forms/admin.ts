import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { CONFERENCE_STATUSES, ROUND_STATUSES } from '$lib/domain/statuses';
import reference from '../reference/norway-regions-2024.json';
import { parseForm } from './parse';

/** The admin forms: rounds, regions, conferences, facilitators, codes. Each field has its message. */

const COUNTY_CODES = new Set(reference.counties.map((c) => c.code));
export const MAX_CODES_PER_BATCH = 500;

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.optional()
		.transform((v) => (v ? v : null));
const checkbox = z
	.literal('on')
	.optional()
	.transform((v) => v === 'on');
const id = z.uuid();

export const RoundForm = z.object({
	name: text(200),
	status: z.enum(ROUND_STATUSES),
	contentPackId: z
		.union([z.literal(''), z.uuid()])
		.optional()
		.transform((v) => (v ? v : null))
});

export const RegionForm = z.object({
	code: z
		.string()
		.trim()
		.regex(/^[A-Za-z0-9-]{1,20}$/),
	name: text(100),
	countyCodes: z
		.string()
		.transform((v) => [...new Set(v.split(/[\s,;]+/).filter(Boolean))])
		.refine((codes) => codes.length > 0 && codes.every((c) => COUNTY_CODES.has(c)))
});

export const RegionIdForm = z.object({ regionId: id });

export const RegionEditForm = RegionForm.extend(RegionIdForm.shape);

export const ConferenceForm = z.object({
	regionId: id,
	title: text(200),
	startsOn: z
		.union([z.literal(''), z.iso.date()])
		.optional()
		.transform((v) => (v ? v : null)),
	place: optionalText(200),
	status: z.enum(CONFERENCE_STATUSES),
	verified: checkbox
});

export const FacilitatorForm = z.object({ staffId: id });

export const CodesForm = z.object({
	count: z.coerce.number().int().min(1).max(MAX_CODES_PER_BATCH)
});

const messages: Record<string, () => string> = {
	name: () => m.admin_error_name(),
	status: () => m.admin_error_status(),
	contentPackId: () => m.admin_error_content_pack(),
	code: () => m.admin_error_region_code(),
	countyCodes: () => m.admin_error_county_codes(),
	regionId: () => m.admin_error_region(),
	title: () => m.admin_error_title(),
	startsOn: () => m.admin_error_date(),
	place: () => m.admin_error_place(),
	staffId: () => m.admin_error_staff(),
	count: () => m.admin_error_code_count({ max: MAX_CODES_PER_BATCH })
};

/** Validates one of the admin forms above. */
export function parseAdminForm<S extends z.ZodType>(schema: S, form: FormData) {
	return parseForm(schema, form, messages, () => m.admin_error_invalid());
}
