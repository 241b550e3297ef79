/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- Zapier app tests, never shipped in the n8n package */
/**
 * Proves the zip Zapier would run is complete: it is unzipped into a temp folder (away from the repository's
 * node_modules and core/), and a trigger and a create run through its own `zapierwrapper.js` against the sandbox.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countSoak, describeSoak, SOAK_FAULTS, zapierCreateLinks } from '../support/fault-soak';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { ZAPIER_APP_DIR } from './support/app';
import { startLossyProxy } from './support/lossy-proxy';

interface ZipEntry {
	entryName: string;
	getData(): Buffer;
}
// adm-zip ships no types and the root has none installed; this is the part used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AdmZip = require('adm-zip') as new (path: string) => { getEntries(): ZipEntry[]; extractAllTo(target: string, overwrite: boolean): void };

const ZIP = join(ZAPIER_APP_DIR, 'build/build.zip');
const SOURCES = [join(ZAPIER_APP_DIR, 'src'), join(ZAPIER_APP_DIR, '../core'), join(ZAPIER_APP_DIR, 'package.json'), join(ZAPIER_APP_DIR, 'index.js')];

function newestChange(path: string): number {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Builds the zip (validate + build) unless it is newer than every source it is made from. */
function ensureFreshZip(): void {
	let zipTime = 0;
	try {
		zipTime = statSync(ZIP).mtimeMs;
	} catch {
		// no zip yet
	}
	if (zipTime > Math.max(...SOURCES.map(newestChange))) return;
	const build = spawnSync('npm', ['run', '--silent', 'zip'], { cwd: ZAPIER_APP_DIR, encoding: 'utf8', env: process.env });
	if (build.status !== 0) throw new Error(`npm run zip failed:\n${build.stdout}\n${build.stderr}`);
}

let sandbox: RunningSandbox;
let unzipped: string;
let logServer: Server;
const logBodies: string[] = [];
let handler: (event: object) => Promise<{ results: unknown }>;

beforeAll(async () => {
	ensureFreshZip();
	unzipped = mkdtempSync(join(tmpdir(), 'linkkit-zapier-zip-'));
	new AdmZip(ZIP).extractAllTo(unzipped, true);
	// Zapier's log shipping goes here instead of Zapier's servers; whatever arrives is checked for the key below.
	logServer = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => (logBodies.push(body), res.end('{}')));
	});
	await new Promise<void>((resolve) => logServer.listen(0, '127.0.0.1', resolve));
	const address = logServer.address() as { port: number };
	process.env.LOGGING_ENDPOINT = `http://127.0.0.1:${address.port}/input`;
	sandbox = await startTestSandbox({ links: 150 }) // more than one page of 100, so a poll through the zip pages;
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- the zip's own CommonJS entry point, loaded as Zapier does
	handler = require(join(unzipped, 'zapierwrapper.js')).handler;
}, 240_000);

afterAll(async () => {
	await sandbox?.stop();
	await new Promise((resolve) => logServer?.close(resolve));
	delete process.env.LOGGING_ENDPOINT;
	if (unzipped) rmSync(unzipped, { recursive: true, force: true });
});

const authData = () => ({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });

test('the zip carries the compiled shared core and no test tooling', () => {
	const names = new AdmZip(ZIP).getEntries().map((entry) => entry.entryName);
	expect(names).toContain('lib/core/http.js');
	expect(names).toContain('lib/zapier/src/index.js');
	// The CLI's build lists every package.json under node_modules, but code only from what the app requires.
	const devCode = names.filter((name) => /^node_modules\/(zapier-platform-cli|typescript|@babel|@inquirer)\/.*\.js$/.test(name));
	expect(devCode).toEqual([]);
	expect(names).toContain('node_modules/zapier-platform-core/src/create-app.js');
	expect(new AdmZip(ZIP).getEntries().some((entry) => entry.getData().includes(sandbox.apiKey))).toBe(false);
});

test('a create and a trigger run from the unzipped build against the sandbox', async () => {
	// No zcacheTestObj and no Zapier token here: z.cache is unavailable, and the create still runs (without carry-over).
	const created = (await handler({
		command: 'execute',
		method: 'creates.create_link.operation.perform',
		bundle: { authData: authData(), inputData: { destination: 'https://example.com/from-the-zip', title: 'From the zip' } },
	})).results as { id: string; title: string };
	expect(created).toMatchObject({ title: 'From the zip', destination: 'https://example.com/from-the-zip' });
	expect(created.id).toMatch(/^lnk_/);

	const links = (await handler({
		command: 'execute',
		method: 'triggers.new_link.operation.perform',
		bundle: { authData: authData(), meta: { limit: 5 } },
	})).results as Array<{ id: string }>;
	expect(links).toHaveLength(5);
	expect(links[0].id).toBe(created.id);
	for (const body of logBodies) expect(body).not.toContain(sandbox.apiKey);
	expect(readFileSync(join(unzipped, 'definition.json'), 'utf8')).toContain('"create_link"');
});

test('through the zip: two runs create two links, and a rerun after lost answers returns the first (z.cache between invocations)', async () => {
	const proxy = await startLossyProxy(sandbox.url);
	try {
		// Zapier keeps z.cache between the invocations of a Zap; the zip's own handler reads this stand-in from the event.
		const zcacheTestObj = {};
		const createLink = async (inputData: object) =>
			(await handler({
				command: 'execute',
				method: 'creates.create_link.operation.perform',
				bundle: { authData: { apiKey: sandbox.apiKey, baseUrl: proxy.url }, inputData },
				zcacheTestObj,
			})).results as { id: string };
		const before = sandbox.counts().links;
		const inputData = { destination: 'https://example.com/zip-runs' };
		const first = await createLink(inputData);
		const second = await createLink(inputData);
		expect(second.id).not.toBe(first.id);
		proxy.script(['lose', 'lose', 'lose', 'lose']);
		await expect(createLink(inputData)).rejects.toThrow(/Could not reach Linkkit/);
		expect(sandbox.counts().links).toBe(before + 3);
		const rerun = await createLink(inputData);
		expect(rerun.id).toMatch(/^lnk_/);
		expect([first.id, second.id]).not.toContain(rerun.id);
		expect(sandbox.counts().links).toBe(before + 3);
	} finally {
		await proxy.stop();
	}
}, 60_000);

test('through the zip: a trigger pages past 100 items, and New Click says which link was clicked', async () => {
	const links = (await handler({ command: 'execute', method: 'triggers.new_link.operation.perform', bundle: { authData: authData(), meta: {} } })).results as Array<{ id: string }>;
	expect(links.length).toBe(sandbox.counts().links);
	expect(links.length).toBeGreaterThan(100);
	const created = (await handler({
		command: 'execute',
		method: 'creates.create_link.operation.perform',
		bundle: { authData: authData(), inputData: { destination: 'https://example.com/zip-click', title: 'Zip click', slug: `zip-click-${Date.now()}` } },
	})).results as { id: string; slug: string; shortUrl: string };
	const visit = await fetch(`${sandbox.url}/r/${created.slug}`, { redirect: 'manual' });
	expect(visit.status).toBe(302);
	const clicks = (await handler({
		command: 'execute',
		method: 'triggers.new_click.operation.perform',
		bundle: { authData: authData(), inputData: { linkId: created.id } },
	})).results as Array<Record<string, unknown>>;
	expect(clicks).toEqual([expect.objectContaining({ linkId: created.id, shortUrl: created.shortUrl, linkTitle: 'Zip click' })]);
});

test('fault soak: 200 Create Link steps from the zip with 20 % mixed faults: 0 lost, 0 duplicated, failures on their own step', async () => {
	const run = `zip${Date.now().toString(36)}`;
	// A stalled request costs Zapier's 10 s request timeout, so stalls are rarer here than in the n8n soak.
	const mix = { ...SOAK_FAULTS, stall: 0.005, rate: (SOAK_FAULTS.rate ?? 0) + 0.015 };
	sandbox.setFaults(mix);
	const started = Date.now();
	let outcomes;
	try {
		outcomes = await zapierCreateLinks(handler, authData(), run, 200);
	} finally {
		sandbox.setFaults({ commitDrop: 0, commit500: 0, drop: 0, rate: 0, html: 0, stall: 0, next: [] });
	}
	const count = await countSoak(sandbox, run, 'zapier', outcomes);
	console.log(`Zapier zip ${describeSoak('create_link', count)} in ${Math.round((Date.now() - started) / 1000)} s`);
	expect({ lost: count.lost, duplicated: count.duplicated, wrongOutput: count.wrongOutput }).toEqual({ lost: 0, duplicated: 0, wrongOutput: 0 });
	for (const failure of count.failures) expect(failure.message).toMatch(/Linkkit/);
	expect(count.created + count.failed).toBe(200);
	for (const body of logBodies) expect(body).not.toContain(sandbox.apiKey);
}, 300_000);
