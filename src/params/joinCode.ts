import type { ParamMatcher } from '@sveltejs/kit';

// Letters and digits, any case: the page normalises and tells the user when a code is unknown.
export const match: ParamMatcher = (param) => /^[A-Za-z0-9-]{4,12}$/.test(param);
