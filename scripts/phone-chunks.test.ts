import { describe, expect, it } from 'vitest';
import { assignPhoneChunks, usedImports, type ModuleGraph } from './phone-chunks';

/** A module graph from `id: [static imports]` and `id: [dynamic imports]`. */
function graphOf(
	imports: Record<string, string[]>,
	dynamic: Record<string, string[]> = {}
): ModuleGraph {
	return {
		imports: (id) => imports[id] ?? [],
		dynamicImports: (id) => dynamic[id] ?? []
	};
}

const app = graphOf(
	{
		'kit/start.js': ['svelte/runtime.js'],
		'generated/app.js': ['svelte/runtime.js', 'routes/+layout.svelte'],
		'routes/+layout.svelte': ['svelte/runtime.js', 'msg/app_name.js'],
		'routes/j/+page.svelte': ['svelte/runtime.js', 'msg/join_button.js', 'lib/screens.ts'],
		'routes/c/+page.svelte': ['svelte/runtime.js', 'socket.io-client', 'lib/screens.ts'],
		'routes/c/kort/+page.svelte': ['svelte/runtime.js', 'lib/QuestionText.svelte'],
		'lib/screens.ts': [],
		'lib/QuestionBallots.svelte': ['lib/BallotForm.svelte', 'lib/scale-labels.ts'],
		'lib/ResultChart.svelte': ['lib/scale-labels.ts', 'lib/QuestionText.svelte'],
		'lib/TableDeck.svelte': ['svelte/runtime.js'],
		'routes/admin/+page.svelte': ['svelte/runtime.js', 'lib/admin-only.ts']
	},
	{
		'generated/app.js': ['generated/nodes/5.js'],
		'lib/screens.ts': [
			'lib/QuestionBallots.svelte',
			'lib/ResultChart.svelte',
			'lib/TableDeck.svelte'
		],
		'routes/admin/+page.svelte': ['lib/admin-lazy.ts']
	}
);

const chunks = assignPhoneChunks(
	app,
	['kit/start.js', 'generated/app.js', 'routes/+layout.svelte'],
	{
		join: ['routes/j/+page.svelte'],
		conference: ['routes/c/+page.svelte'],
		deck: ['routes/c/kort/+page.svelte']
	},
	(id) => id.startsWith('generated/')
);

describe('assignPhoneChunks', () => {
	it('puts what every phone page loads in one chunk', () => {
		for (const id of ['kit/start.js', 'svelte/runtime.js', 'routes/+layout.svelte']) {
			expect(chunks.get(id)).toBe('phone');
		}
		expect(chunks.get('msg/app_name.js')).toBe('phone');
	});

	it('names what only some pages load after those pages', () => {
		expect(chunks.get('routes/j/+page.svelte')).toBe('phone-join');
		expect(chunks.get('msg/join_button.js')).toBe('phone-join');
		expect(chunks.get('socket.io-client')).toBe('phone-conference');
		expect(chunks.get('lib/screens.ts')).toBe('phone-conference-join');
	});

	it('gives each lazily loaded screen its own chunk, with what only it needs', () => {
		expect(chunks.get('lib/QuestionBallots.svelte')).toBe('phone-screen-questionballots');
		expect(chunks.get('lib/BallotForm.svelte')).toBe('phone-screen-questionballots');
		expect(chunks.get('lib/TableDeck.svelte')).toBe('phone-screen-tabledeck');
		expect(chunks.get('lib/scale-labels.ts')).toBe('phone-screen-questionballots-resultchart');
	});

	it('leaves a screen what a page already loads first', () => {
		// The chart shows a question's text, which the deck page loads on its own.
		expect(chunks.get('lib/QuestionText.svelte')).toBe('phone-deck');
		expect(chunks.get('svelte/runtime.js')).toBe('phone');
	});

	it('leaves the staff pages and the framework’s page imports alone', () => {
		for (const id of [
			'routes/admin/+page.svelte',
			'lib/admin-only.ts',
			'lib/admin-lazy.ts',
			'generated/nodes/5.js'
		]) {
			expect(chunks.has(id)).toBe(false);
		}
	});

	it('never lets a chunk import one that fewer loads need (no cycles between chunks)', () => {
		const loadsOf = (name: string) => name.split('-').length;
		for (const [id, name] of chunks) {
			for (const imported of app.imports(id)) {
				const importedName = chunks.get(imported);
				expect(importedName, `${id} imports ${imported}`).toBeDefined();
				if (importedName !== name && !name.startsWith('phone-screen')) {
					expect(importedName === 'phone' || loadsOf(importedName!) > loadsOf(name)).toBe(true);
				}
			}
		}
	});
});

describe('usedImports', () => {
	const barrel = '/app/src/lib/paraglide/messages.js';

	it('follows only the messages a module names from `m`', () => {
		const code = 'const a = m.vote_send(); const b = m.vote_saved({}); m.vote_send();';
		expect(usedImports(code, ['/app/x.ts', barrel])).toEqual([
			'/app/x.ts',
			'/app/src/lib/paraglide/messages/vote_send.js',
			'/app/src/lib/paraglide/messages/vote_saved.js'
		]);
	});

	it('leaves a module without the messages as it is', () => {
		expect(usedImports('m.vote_send()', ['/app/x.ts'])).toEqual(['/app/x.ts']);
	});
});
