import type { Plugin } from 'vite';

/**
 * Chunks for the phone pages. Left to itself the bundler splits the client code by which of
 * the app's pages share each module, staff pages included, so a phone fetched 36 files, many of
 * them a single message of 200 bytes, each gzipped on its own. Here the modules the phone pages
 * load are grouped by which phone loads need them, as if the staff pages did not exist: one chunk
 * for what every phone page needs, one for what only some need, one per lazily loaded screen.
 * Staff pages import from these chunks; modules only they use are split as before.
 */

/** The phone pages, each named by its route files. */
const PHONE_PAGES: Record<string, string[]> = {
	join: ['src/routes/(site)/j/[code=joinCode]/+page.svelte'],
	conference: [
		'src/routes/(site)/c/[conferenceId=uuid]/+page.svelte',
		'src/routes/(site)/c/[conferenceId=uuid]/+page.ts'
	],
	deck: ['src/routes/(site)/c/[conferenceId=uuid]/kort/+page.svelte'],
	booklet: ['src/routes/(site)/c/[conferenceId=uuid]/hefte/+page.svelte'],
	facts: ['src/routes/(site)/c/[conferenceId=uuid]/fakta/+page.svelte']
};

/** Route files every phone page loads, besides the framework's entries. */
const PHONE_SHELL = [
	'src/routes/+layout.svelte',
	'src/routes/+error.svelte',
	'src/routes/(site)/+layout.svelte'
];

export interface ModuleGraph {
	/** The modules `id` imports statically and uses. */
	imports(id: string): readonly string[];
	dynamicImports(id: string): readonly string[];
}

function staticClosure(graph: ModuleGraph, roots: Iterable<string>): Set<string> {
	const seen = new Set<string>();
	const stack = [...roots];
	while (stack.length > 0) {
		const id = stack.pop()!;
		if (!seen.has(id)) {
			seen.add(id);
			stack.push(...graph.imports(id));
		}
	}
	return seen;
}

/** Names each module after the loads (keys of `closures`) that need it, sorted. */
function namesByLoads(closures: Map<string, Set<string>>, prefix: string, all: string) {
	const loads = new Map<string, string[]>();
	for (const [load, modules] of closures) {
		for (const id of modules) {
			loads.set(id, [...(loads.get(id) ?? []), load]);
		}
	}
	return new Map(
		[...loads].map(([id, names]) => [
			id,
			names.length === closures.size ? all : `${prefix}-${names.sort().join('-')}`
		])
	);
}

/** `.../voting/QuestionBallots.svelte` → `questionballots`. */
function screenName(id: string): string {
	const file = id.split(/[\\/]/).pop() ?? id;
	return file.replace(/\..*$/, '').toLowerCase();
}

/**
 * The chunk of each module a phone load needs. `shellRoots` are loaded by every page,
 * `pageRoots` by one page each; a dynamic import reached from a page's first load (and not
 * `ignoredDynamic`, such as the framework's import of each page) is a screen loaded later.
 */
export function assignPhoneChunks(
	graph: ModuleGraph,
	shellRoots: string[],
	pageRoots: Record<string, string[]>,
	ignoredDynamic: (id: string) => boolean
): Map<string, string> {
	const pages = new Map(
		Object.entries(pageRoots).map(([page, roots]) => [
			page,
			staticClosure(graph, [...shellRoots, ...roots])
		])
	);
	const firstLoad = new Set([...pages.values()].flatMap((modules) => [...modules]));
	const screenRoots = new Set(
		[...firstLoad].flatMap((id) => graph.dynamicImports(id)).filter((id) => !ignoredDynamic(id))
	);
	const screens = new Map(
		[...screenRoots].map((root) => [
			screenName(root),
			new Set([...staticClosure(graph, [root])].filter((id) => !firstLoad.has(id)))
		])
	);
	return new Map([
		...namesByLoads(pages, 'phone', 'phone'),
		...namesByLoads(screens, 'phone-screen', 'phone-screens')
	]);
}

const MESSAGES = /[\\/]paraglide[\\/]messages\.js$/;

/**
 * A module that imports paraglide's `m` (every message) uses only the messages it names, so
 * the graph leads from it to those, not to all of them, and the staff pages' messages stay
 * theirs.
 */
export function usedImports(code: string | null, imported: readonly string[]) {
	const barrel = imported.find((id) => MESSAGES.test(id));
	if (!barrel) {
		return imported;
	}
	const dir = barrel.replace(/\.js$/, '');
	const named = [...(code ?? '').matchAll(/\bm\.(\w+)/g)].map(([, key]) => `${dir}/${key}.js`);
	return [...imported.filter((id) => id !== barrel), ...new Set(named)];
}

export function phoneChunks(): Plugin {
	let assignment = new Map<string, string>();
	let client = false;
	let root = process.cwd();
	return {
		name: 'droft-phone-chunks',
		apply: 'build',
		configResolved(config) {
			client = !config.build.ssr;
			root = config.root;
		},
		options(options) {
			// Entry chunks may export more than their module does: the groups below take modules
			// one by one, without their imports (which `strict`, Kit's default, would require).
			return client ? { ...options, preserveEntrySignatures: 'allow-extension' } : null;
		},
		outputOptions(output) {
			if (!client) {
				return null;
			}
			const group = {
				debugName: 'phone',
				name: (id: string) => assignment.get(id) ?? null,
				// The graph below already holds each module's imports (and left out the
				// messages a module does not use).
				includeDependenciesRecursively: false
			};
			return { ...output, codeSplitting: { groups: [group] } };
		},
		buildEnd() {
			if (!client) {
				return;
			}
			const ids = new Set(this.getModuleIds());
			const info = (id: string) => this.getModuleInfo(id);
			const graph: ModuleGraph = {
				imports: (id) => {
					const module = info(id);
					return module ? usedImports(module.code, module.importedIds) : [];
				},
				dynamicImports: (id) => info(id)?.dynamicallyImportedIds ?? []
			};
			const frameworkEntries = [...ids].filter(
				(id) => info(id)?.isEntry && !/[\\/]nodes[\\/]\d+\.js$/.test(id)
			);
			const byFile = (file: string) => {
				const id = `${root}/${file}`;
				if (!ids.has(id)) {
					throw new Error(`phone-chunks: ${file} is not in the client build`);
				}
				return id;
			};
			assignment = assignPhoneChunks(
				graph,
				[...frameworkEntries, ...PHONE_SHELL.map(byFile)],
				Object.fromEntries(
					Object.entries(PHONE_PAGES).map(([page, files]) => [page, files.map(byFile)])
				),
				(id) => /[\\/]generated[\\/]/.test(id)
			);
		}
	};
}
