import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'drizzle/',
			'test-results/',
			'bench/results/',
			'lead/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			curly: ['error', 'all'],
			// No base path or hash routing here: plain hrefs are the links.
			'svelte/no-navigation-without-resolve': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
		}
	},
	{
		files: ['**/*.ts', '**/*.svelte', '**/*.svelte.ts'],
		ignores: ['*.config.ts', 'eslint.config.js'],
		languageOptions: {
			parserOptions: {
				// scripts/ runs with tsx and sits outside the app's tsconfig (but for the build's
				// phone-chunks.ts, which vite.config.ts brings in); bench/ has its own (more files
				// than the default project allows).
				projectService: {
					allowDefaultProject: [
						'scripts/admin-create.ts',
						'scripts/content-check.ts',
						'scripts/phone-chunks.test.ts'
					]
				},
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error'
		}
	}
);
