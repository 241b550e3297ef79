/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- dev-only benchmark, never shipped in the n8n package */
/**
 * The Zapier app as Zapier runs it: the built zip, unzipped, its own `zapierwrapper.js` handler (without a Zapier
 * token, so z.cache is unavailable, as in the built-zip test).
 *  - Create Link under a limit too tight for the steps at hand (40 steps at once, 1 request a second, burst 1), with
 *    the rate-limit headers Linkkit documents (none: a bare 429) and with the full set: how many finish inside their
 *    step, how many hand back a ThrottledError (Zapier then runs them again later), how long each took; nothing may
 *    fail otherwise or be created twice, and a step that handed back a ThrottledError must not have created its link
 *    (Zapier's rerun would make a second one).
 *  - Cold `require` of the handler in a fresh Node process (what a cold Lambda pays), median of 5.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../scripts/n8n/instance';
import { median } from '../lib/measure';
import { startSandboxProcess, type RateLimitHeaderMode } from '../lib/sandbox-process';
import { DESTINATION_ROOT } from '../lib/workflows';

export const ZAPIER_DIR = join(repoRoot, 'zapier');
export const ZIP = join(ZAPIER_DIR, 'build/build.zip');
const STEPS = 40;
const LIMIT = { rate: 1, burst: 1 };
export const ZAPIER_HEADER_MODES: RateLimitHeaderMode[] = ['none', 'full'];

export interface ZapierResult {
	steps: number;
	limit: { rate: number; burst: number };
	headers: RateLimitHeaderMode;
	completed: number;
	throttled: number;
	otherErrors: string[];
	/** Median seconds of the steps that completed, and of those that handed back a ThrottledError. */
	completedSeconds: number;
	throttledSeconds: number;
	duplicates: number;
	/** Links made by steps that handed back a ThrottledError (Zapier's rerun would make another). */
	createdByThrottled: number;
	requests: number;
	status429: number;
}

export interface ZapierResults {
	runs: ZapierResult[];
	coldRequireMs: number;
}

/** Installs the app's dependencies when needed (scripts/ensure-zapier-deps.mjs) and builds build/build.zip. */
export function buildZip(): void {
	const deps = spawnSync(process.execPath, [join(repoRoot, 'scripts/ensure-zapier-deps.mjs')], { cwd: repoRoot, stdio: 'inherit' });
	if (deps.status !== 0) throw new Error('installing the Zapier app dependencies failed');
	const built = spawnSync('npm', ['run', '--silent', 'zip'], { cwd: ZAPIER_DIR, encoding: 'utf8' });
	if (built.status !== 0) throw new Error(`npm run zip failed:\n${built.stdout}\n${built.stderr}`);
}

function unzip(): string {
	const target = mkdtempSync(join(tmpdir(), 'linkkit-bench-zip-'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- adm-zip ships no types
	const AdmZip = require('adm-zip') as new (path: string) => { extractAllTo(target: string, overwrite: boolean): void };
	new AdmZip(ZIP).extractAllTo(target, true);
	return target;
}

function coldRequireMs(unzipped: string): number {
	const script = `const t = performance.now(); require(${JSON.stringify(join(unzipped, 'zapierwrapper.js'))}); console.log(performance.now() - t);`;
	const times = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim().split('\n').pop()));
	return Math.round(median(times));
}

export async function runZapier(log: (line: string) => void): Promise<ZapierResults> {
	buildZip();
	const unzipped = unzip();
	// Zapier's log shipping goes here instead of Zapier's servers.
	const logServer = createServer((req, res) => req.resume().on('end', () => res.end('{}')));
	await new Promise<void>((resolve) => logServer.listen(0, '127.0.0.1', resolve));
	process.env.LOGGING_ENDPOINT = `http://127.0.0.1:${(logServer.address() as { port: number }).port}/input`;
	const sandbox = await startSandboxProcess({ links: 100 });
	// The app has no Base URL field: outside Zapier it is pointed at a local server this way (zapier/src/base-url.ts).
	process.env.LINKKIT_API_BASE_URL = sandbox.url;
	// The handler wraps the process's fetch with Zapier's request logger, and logs its memory on every call, as in
	// a Lambda: both are put back afterwards so the rest of the benchmark is untouched.
	const originalFetch = globalThis.fetch;
	const originalLog = console.log;
	const seen = new Set<string>();
	console.log = (...args: unknown[]) => {
		// The app's own notes (e.g. that z.cache has no Zapier token here) once each, not once per step.
		const line = args.map(String).join(' ');
		if (line.startsWith('ZID:') || seen.has(line)) return;
		seen.add(line);
		originalLog(...args);
	};
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- the zip's own CommonJS entry point, loaded as Zapier does
		const handler = require(join(unzipped, 'zapierwrapper.js')).handler as (event: object) => Promise<{ results: unknown }>;
		const runs: ZapierResult[] = [];
		for (const headers of ZAPIER_HEADER_MODES) {
			await sandbox.admin.reset();
			await sandbox.admin.rateLimit(LIMIT.rate, LIMIT.burst, headers);
			await sandbox.admin.clearStats();
			const tag = `zapier-${headers}-${Date.now().toString(36)}`;
			log(`  ${STEPS} Create Link steps at once, limit ${LIMIT.rate}/s (burst ${LIMIT.burst}), rate-limit headers ${headers}`);
			const started = Date.now();
			const outcomes = await Promise.all(
				Array.from({ length: STEPS }, (_, i) =>
					handler({
						command: 'execute',
						method: 'creates.create_link.operation.perform',
						bundle: { authData: { apiKey: sandbox.apiKey, publishableKey: sandbox.publishableKey }, inputData: { original_url: `${DESTINATION_ROOT}/${tag}/${i}` } },
					}).then(
						() => ({ step: i, kind: 'completed', seconds: (Date.now() - started) / 1000 }),
						(error: { name?: string; message?: string }) => ({
							step: i,
							kind: error.name === 'ThrottledError' ? 'throttled' : 'error',
							seconds: (Date.now() - started) / 1000,
							message: `${error.name}: ${String(error.message).split(sandbox.apiKey).join('<key>').slice(0, 200)}`,
						}),
					),
				),
			);
			const stats = await sandbox.admin.stats({ destinationPrefix: `${DESTINATION_ROOT}/${tag}/` });
			const links = stats.linksByDestination ?? {};
			const of = (kind: string) => outcomes.filter((o) => o.kind === kind);
			const run: ZapierResult = {
				steps: STEPS,
				limit: LIMIT,
				headers,
				completed: of('completed').length,
				throttled: of('throttled').length,
				otherErrors: of('error').map((o) => (o as { message: string }).message),
				completedSeconds: median(of('completed').map((o) => o.seconds)) ?? 0,
				throttledSeconds: median(of('throttled').map((o) => o.seconds)) ?? 0,
				duplicates: Object.values(links).reduce((sum, n) => sum + n - 1, 0),
				createdByThrottled: of('throttled').filter((o) => (links[`${DESTINATION_ROOT}/${tag}/${o.step}`] ?? 0) > 0).length,
				requests: stats.requests,
				status429: stats.byStatus['429'] ?? 0,
			};
			runs.push(run);
			log(`  ${run.completed} completed (median ${run.completedSeconds} s), ${run.throttled} ThrottledError (median ${run.throttledSeconds} s), ${run.otherErrors.length} other errors, ${run.duplicates} duplicates, ${run.createdByThrottled} created by throttled steps`);
		}
		return { runs, coldRequireMs: coldRequireMs(unzipped) };
	} finally {
		globalThis.fetch = originalFetch;
		console.log = originalLog;
		await sandbox.stop();
		await new Promise((resolve) => logServer.close(resolve));
		delete process.env.LOGGING_ENDPOINT;
		delete process.env.LINKKIT_API_BASE_URL;
		rmSync(unzipped, { recursive: true, force: true });
	}
}
