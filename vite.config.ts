import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { phoneChunks } from './scripts/phone-chunks.ts';

/**
 * Development only: hand Vite's HTTP server to the app, which attaches socket.io to it in the
 * init hook. Kit runs `init` on the first request in dev, so make one as soon as it listens.
 */
function devRealtime(): Plugin {
	return {
		name: 'droft-dev-realtime',
		apply: 'serve',
		configureServer(server) {
			const httpServer = server.httpServer;
			if (!httpServer) {
				return; // vitest: no HTTP server
			}
			(globalThis as Record<symbol, unknown>)[Symbol.for('droft.httpServer')] = httpServer;
			httpServer.once('listening', () => {
				const address = httpServer.address();
				if (address && typeof address === 'object') {
					void fetch(`http://localhost:${address.port}/healthz`).catch(() => {});
				}
			});
		}
	};
}

export default defineConfig({
	plugins: [
		// Under vitest the messages are already compiled (`npm run i18n`); the plugin's watcher
		// would keep the test process from exiting.
		...(process.env.VITEST
			? []
			: [
					paraglideVitePlugin({
						project: './project.inlang',
						outdir: './src/lib/paraglide',
						strategy: ['cookie', 'baseLocale']
					})
				]),
		sveltekit(),
		phoneChunks(),
		devRealtime()
	],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/helpers/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					fileParallelism: false
				}
			}
		]
	}
});
