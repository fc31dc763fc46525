// Playwright uses Debian's Chromium (browser downloads are not possible on these machines).
// Installs it when missing and running as root; otherwise says exactly what to install.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) {
	process.exit(0);
}
if (process.env.CHROMIUM_PATH) {
	console.error(`CHROMIUM_PATH=${path} does not exist.`);
	process.exit(1);
}
if (process.getuid?.() !== 0) {
	console.error(
		'End-to-end tests need Chromium at /usr/bin/chromium. Install it with:\n' +
			'  sudo apt-get install -y chromium\n' +
			'or point CHROMIUM_PATH at a Chromium or Chrome binary.'
	);
	process.exit(1);
}
console.log('Installing Chromium from the system packages (apt-get install -y chromium) …');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
	stdio: 'inherit'
});
