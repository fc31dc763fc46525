/**
 * Creates a KS admin from the command line: the first admin of a new installation, or one more.
 *
 *   npm run admin:create -- --email kari@ks.no --name "Kari Nordmann"
 *   printf '%s\n' "$PASSWORD" | npm run admin:create -- --email … --name … --password-stdin
 *
 * Uses the same configuration as the server (DATABASE_URL, DATA_DIR …) and applies migrations.
 * Without --password-stdin a random password is made and printed once. Exit code 0 or 1.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseConfig } from '../src/lib/server/config';
import { openDatabase } from '../src/lib/server/db/index';
import { AppError } from '../src/lib/server/errors';
import { randomToken } from '../src/lib/server/auth/tokens';
import { createStaffWithPassword } from '../src/lib/server/services/staff-auth';

const USAGE = `Usage: npm run admin:create -- --email <e-mail> --name "<full name>" [--password-stdin]

Creates an admin who can sign in at /login. With --password-stdin the password is read from
standard input (at least 10 characters); otherwise a random one is printed.
On the embedded database (no DATABASE_URL), stop the server first: one process per DATA_DIR.`;

const Args = z.object({
	email: z.string().trim().toLowerCase().pipe(z.email('--email must be an e-mail address')),
	name: z.string().trim().min(1, '--name must not be empty').max(200, '--name is too long')
});

async function readStdin(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) {
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks)
		.toString('utf8')
		.replace(/\r?\n$/, '');
}

async function main(argv: string[]): Promise<number> {
	let values;
	try {
		({ values } = parseArgs({
			args: argv,
			options: {
				email: { type: 'string' },
				name: { type: 'string' },
				'password-stdin': { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			}
		}));
	} catch (e) {
		console.error(`${e instanceof Error ? e.message : String(e)}\n\n${USAGE}`);
		return 1;
	}
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	const args = Args.safeParse({ email: values.email ?? '', name: values.name ?? '' });
	if (!args.success) {
		console.error(`${args.error.issues.map((i) => i.message).join('\n')}\n\n${USAGE}`);
		return 1;
	}
	const password = values['password-stdin'] ? await readStdin() : randomToken().slice(0, 20);
	const config = parseConfig(process.env);
	const database = await openDatabase({
		databaseUrl: config.databaseUrl,
		dataDir: config.dataDir,
		migrationsFolder: fileURLToPath(new URL('../drizzle', import.meta.url))
	});
	try {
		const staff = await createStaffWithPassword(database.db, {
			...args.data,
			password,
			isAdmin: true
		});
		const origin = config.origin ?? `http://localhost:${config.port}`;
		console.log(`Admin created: ${staff.name} <${staff.email}>`);
		console.log(`Sign in at ${origin}/login`);
		if (!values['password-stdin']) {
			console.log(`Password (shown only now): ${password}`);
		}
		return 0;
	} catch (e) {
		if (e instanceof AppError && e.code === 'conflict') {
			console.error(
				`A staff user with the e-mail ${args.data.email} already exists; nothing was changed.`
			);
			return 1;
		}
		if (e instanceof AppError) {
			console.error(e.message);
			return 1;
		}
		throw e;
	} finally {
		await database.close();
	}
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(e: unknown) => {
		console.error(e instanceof Error ? e.message : e);
		process.exitCode = 1;
	}
);
