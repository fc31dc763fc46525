import { participantContent } from '$lib/server/content/participant-content';

export const load = (event) => participantContent(event);
