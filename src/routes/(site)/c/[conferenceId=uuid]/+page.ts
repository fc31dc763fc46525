import { phoneView } from '$lib/domain/agenda';
import { loadScreens, screensFor, type Screens } from '$lib/client/phone-screens';

// The screen on show is loaded here, before the page renders, so the server renders it and the
// phone hydrates it without waiting; the page loads other screens when the agenda moves there.
// If a weak line loses the screen's code, the page still starts and tries it again itself.
export const load = async ({ data }) => {
	const view = phoneView(data.initial.agenda);
	const screens = await loadScreens(screensFor(view, data.pack)).catch((): Screens => ({}));
	return { ...data, screens };
};
