import { loadPreview } from '$lib/server/preview/ballot-samples';

// A preview of the voting components on sample data; noindex, nothing is stored.
export const load = () => loadPreview();
