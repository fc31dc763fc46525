import type { StaffIdentity } from '$lib/server/db/queries/staff';
import type { ParticipantIdentity } from '$lib/server/db/queries/participants';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			code: string;
			id?: string;
		}
		interface Locals {
			/** The signed-in KS staff member, if any. */
			staff: StaffIdentity | null;
			/** The anonymous participant this phone joined as, if any. */
			participant: ParticipantIdentity | null;
		}
	}
}

export {};
