// `npm test`: everything a release needs, on the pinned Node 24 (npm puts node_modules/.bin first on PATH).
//   1. brings in what the suites need (the Zapier app's dependencies; a real n8n and Chromium unless --fast), once
//   2. builds the n8n package (the real-n8n suite installs its packed tarball)
//   3. runs every Jest suite, its output kept in tmp/test-output.log
//   4. searches that output, the logs of every server the tests started, and the built artifacts for
//      the test API key: finding it anywhere fails the run
// `npm run test:fast` skips the real-n8n suite for inner loops; CI never does.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureZapierDependencies } from './ensure-zapier-deps.mjs';
import { findSecret } from './find-secret.mjs';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const fast = args.includes('--fast');
const jestArgs = args.filter((a) => a !== '--fast');

process.env.LINKKIT_TEST_API_KEY ??= `lk_test_${randomBytes(18).toString('hex')}`;
process.env.LINKKIT_LOG_DIR = join(root, 'tmp/logs');
if (fast) process.env.LINKKIT_SKIP_REAL_N8N = '1';
rmSync(join(root, 'tmp'), { recursive: true, force: true });
mkdirSync(process.env.LINKKIT_LOG_DIR, { recursive: true });

function step(title, command, commandArgs, options = {}) {
	console.log(`\n▶ ${title}`);
	const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
	if (result.status !== 0) {
		console.error(`✖ ${title} failed (exit ${result.status ?? result.signal})`);
		process.exit(result.status || 1);
	}
}

console.log(`Node ${process.version} (${process.execPath})`);
await ensureZapierDependencies(root);
if (!fast) {
	// Cached under ~/.cache/linkkit-n8n after the first time; that first install takes about 10 minutes.
	step('Provisioning a real n8n for the end-to-end suite', 'tsx', ['scripts/n8n/provision.ts']);
	// The browser test (test/ui/) drives Debian's Chromium; installed with apt-get when missing (as root).
	step('Checking for Chromium for the browser test', 'tsx', ['scripts/ensure-chromium.ts']);
}
step('Building the n8n package', 'npm', ['run', '--silent', 'build']);

console.log(`\n▶ Running the test suites${fast ? ' (fast: real-n8n suite skipped)' : ''}`);
const resultsFile = join(root, 'tmp/jest-results.json');
const logFile = join(root, 'tmp/test-output.log');
const log = createWriteStream(logFile);
// Streamed, not buffered: the real-n8n suite takes minutes and should show its progress as it goes.
const jest = await new Promise((resolve) => {
	const child = spawn('jest', ['--json', `--outputFile=${resultsFile}`, ...jestArgs], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: process.env,
	});
	for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
		stream.on('data', (chunk) => {
			out.write(chunk);
			log.write(chunk);
		});
	}
	child.on('close', (status, signal) => resolve({ status: status ?? (signal ? 1 : 0) }));
});
await new Promise((resolve) => log.end(resolve));

console.log('\n▶ Searching test output, logs and built artifacts for the test API key');
const tarballs = readdirSync(join(root, 'tmp'), { recursive: true })
	.filter((entry) => String(entry).endsWith('.tgz') && !String(entry).includes('node_modules'))
	.map((entry) => join(root, 'tmp', String(entry)));
const places = [logFile, process.env.LINKKIT_LOG_DIR, join(root, 'dist'), join(root, 'zapier/build'), join(root, 'zapier/lib'), ...tarballs];
const leaks = places.filter(existsSync).flatMap((place) => findSecret(place, process.env.LINKKIT_TEST_API_KEY));
if (leaks.length) {
	console.error(`✖ The test API key appears in:\n  ${leaks.join('\n  ')}`);
	process.exit(1);
}
console.log(`  not found in ${places.filter(existsSync).length} places`);

let summary = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0 };
if (existsSync(resultsFile)) summary = JSON.parse(readFileSync(resultsFile, 'utf8'));
const failed = summary.numFailedTests + (jest.status !== 0 && summary.numFailedTests === 0 ? 1 : 0);
console.log(`\nTests: ${summary.numPassedTests} passed, ${failed} failed, ${summary.numPendingTests} skipped`);
process.exit(jest.status ?? 1);
