import { defineConfig, devices } from '@playwright/test';

const PORT = 4173;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '*.e2e.ts',
	fullyParallel: false,
	workers: 1,
	forbidOnly: Boolean(process.env.CI),
	reporter: process.env.CI ? 'line' : 'list',
	timeout: 30_000,
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		locale: 'nb-NO',
		trace: 'retain-on-failure',
		...devices['Desktop Chrome'],
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	webServer: {
		// The built app on a throw-away embedded database.
		command: 'node server.js',
		url: `http://127.0.0.1:${PORT}/readyz`,
		reuseExistingServer: false,
		timeout: 60_000,
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATA_DIR: 'memory://',
			// Always the throw-away embedded database: `npm test` may run with DATABASE_URL and
			// REDIS_URL set (CI does), and the server would otherwise inherit them and meet the
			// previous run's data there.
			DATABASE_URL: '',
			REDIS_URL: '',
			LOG_LEVEL: 'warn',
			// The demo admin (demo@droft.no) signs in with this in the admin tests.
			DEMO_ADMIN_PASSWORD: 'demo-passord-123'
		}
	}
});
