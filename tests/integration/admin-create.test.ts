import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../helpers/server';

const dataDir = mkdtempSync(join(tmpdir(), 'droft-admin-create-'));

/** Runs `npm run admin:create -- …` as an operator would, on an embedded database folder. */
function adminCreate(args: string[], stdin?: string) {
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
		const child = execFile(
			'npx',
			['tsx', 'scripts/admin-create.ts', ...args],
			{ env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, SEED_DEMO: 'false' } },
			(error, stdout, stderr) =>
				resolve({ code: error ? (error.code as number) : 0, stdout, stderr })
		);
		child.stdin?.end(stdin ?? '');
	});
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run admin:create', () => {
	it('creates an admin with a printed password, who can then sign in', async () => {
		const made = await adminCreate(['--email', 'Kari@KS.no', '--name', 'Kari Nordmann']);
		expect(made.code).toBe(0);
		expect(made.stdout).toContain('Admin created: Kari Nordmann <kari@ks.no>');
		const password = made.stdout.match(/Password \(shown only now\): (\S+)/)?.[1];
		expect(password).toHaveLength(20);

		const server = await startServer({ env: { DATA_DIR: dataDir, SEED_DEMO: 'false' } });
		try {
			const response = await fetch(server.url + '/login', {
				method: 'POST',
				redirect: 'manual',
				headers: {
					accept: 'text/html',
					origin: server.url,
					'content-type': 'application/x-www-form-urlencoded'
				},
				body: new URLSearchParams({ email: 'kari@ks.no', password: password! }).toString()
			});
			expect(response.status).toBe(303);
			expect(response.headers.get('location')).toBe('/admin');
		} finally {
			await server.stop();
		}
	});

	it('refuses a second admin with the same e-mail, and changes nothing', async () => {
		const again = await adminCreate(['--email', 'kari@ks.no', '--name', 'Kari']);
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('already exists; nothing was changed');
	});

	it('takes the password from standard input, and refuses a short one', async () => {
		const short = await adminCreate(
			['--email', 'ola@ks.no', '--name', 'Ola', '--password-stdin'],
			'kort\n'
		);
		expect(short.code).toBe(1);
		const ok = await adminCreate(
			['--email', 'ola@ks.no', '--name', 'Ola', '--password-stdin'],
			'et langt nok passord\n'
		);
		expect(ok.code).toBe(0);
		expect(ok.stdout).not.toContain('et langt nok passord');
	});

	it('explains its arguments when they are wrong', async () => {
		const bad = await adminCreate(['--email', 'ikke-epost']);
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain('Usage: npm run admin:create');
	});
});
