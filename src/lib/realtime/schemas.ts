import { z } from 'zod';

/** zod schema for every client→server payload; the server parses before it acts. */
export const JoinInput = z.object({ code: z.string().min(1).max(32) }).strict();
export const WatchInput = z.object({ conferenceId: z.uuid() }).strict();
