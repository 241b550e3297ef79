/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- Zapier app tests, never shipped in the n8n package */
/**
 * The zip Zapier would run: validated by the CLI, unzipped into a temp folder (away from the repository's
 * node_modules and core/), its definition.json held to our rules, and steps run through its own `zapierwrapper.js`
 * handler against the sandbox — including the exactly-once soak, with z.cache carried between invocations by the
 * handler's own stand-in (`zcacheTestObj`), as Zapier carries it between the runs of a connection.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { authDataOf, movableClock, PAST_SETTLE_MS, pointAppAt, ZAPIER_APP_DIR, type Item } from './support/app';
import { definitionViolations, renderConnectionLabel } from './support/definition-rules';
import { countSoak, CREATE_FAULTS, soakCreates } from './support/soak';
import { buildZip } from './support/zip-build';
import { altered, asZapierRequest, startHookReceiver, type Captured, type HookReceiver } from './support/hook-receiver';
import { signatureOf } from '../../sandbox';

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

/** Builds the zip (`npm run zip`: build, validate, zip; support/zip-build.ts) unless it is newer than every source it is made from. */
function ensureFreshZip(): void {
	let zipTime = 0;
	try {
		zipTime = statSync(ZIP).mtimeMs;
	} catch {
		// no zip yet
	}
	if (zipTime > Math.max(...SOURCES.map(newestChange))) return;
	buildZip(ZAPIER_APP_DIR);
}

type Handler = (event: object) => Promise<{ results: unknown }>;

const clock = movableClock();
let sandbox: RunningSandbox;
let unzipped: string;
let logServer: Server;
const logBodies: string[] = [];
let handler: Handler;

beforeAll(async () => {
	ensureFreshZip();
	unzipped = mkdtempSync(join(tmpdir(), 'linkkit-zapier-zip-'));
	new AdmZip(ZIP).extractAllTo(unzipped, true);
	// Zapier's log shipping goes here instead of Zapier's servers; whatever arrives is checked for the keys below.
	logServer = createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => (logBodies.push(body), res.end('{}')));
	});
	await new Promise<void>((resolve) => logServer.listen(0, '127.0.0.1', resolve));
	process.env.LOGGING_ENDPOINT = `http://127.0.0.1:${(logServer.address() as { port: number }).port}/input`;
	sandbox = await startTestSandbox({ links: 150, now: clock.now });
	pointAppAt(sandbox.url);
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- the zip's own CommonJS entry point, loaded as Zapier does
	handler = require(join(unzipped, 'zapierwrapper.js')).handler;
}, 300_000);

afterAll(async () => {
	await sandbox?.stop();
	await new Promise((resolve) => logServer?.close(resolve));
	delete process.env.LOGGING_ENDPOINT;
	if (unzipped) rmSync(unzipped, { recursive: true, force: true });
});

const authData = () => authDataOf(sandbox);
const invoke = async <T>(method: string, bundle: Item, extra: Item = {}) => (await handler({ command: 'execute', method, bundle: { authData: authData(), ...bundle }, ...extra })).results as T;

test('the CLI validates the app (--without-style) without a single structural error', () => {
	const validate = spawnSync('npx', ['zapier-platform', 'validate', '--without-style'], { cwd: ZAPIER_APP_DIR, encoding: 'utf8', env: process.env });
	expect(`${validate.stdout}${validate.stderr}`).toMatch(/No structural errors found/);
	expect(validate.status).toBe(0);
}, 120_000);

test('the zip carries the compiled shared core, no test tooling and no key', () => {
	const entries = new AdmZip(ZIP).getEntries();
	const names = entries.map((entry) => entry.entryName);
	expect(names).toContain('lib/core/http.js');
	expect(names).toContain('lib/core/resources/links.js');
	expect(names).toContain('lib/zapier/src/index.js');
	expect(names).toContain('node_modules/zapier-platform-core/src/create-app.js');
	expect(names.filter((name) => /^node_modules\/(zapier-platform-cli|typescript|@babel|jest)\/.*\.js$/.test(name))).toEqual([]);
	expect(entries.some((entry) => entry.getData().includes(sandbox.apiKey))).toBe(false);
});

test('the zip\'s definition.json keeps every rule of support/definition-rules.ts', () => {
	const definition = JSON.parse(readFileSync(join(unzipped, 'definition.json'), 'utf8'));
	expect(Object.keys(definition.triggers)).toEqual(expect.arrayContaining(['new_link', 'updated_link', 'new_click', 'click_milestone', 'new_conversion']));
	expect(definitionViolations(definition)).toEqual([]);
});

test('a connection test, a create, a trigger and a search run from the unzipped build', async () => {
	const owner = await invoke<Item>('authentication.test', {});
	expect(owner).toMatchObject({ name: 'Alex Demo', email: 'alex@acme.test' });
	expect(renderConnectionLabel(JSON.parse(readFileSync(join(unzipped, 'definition.json'), 'utf8')).authentication.connectionLabel, owner)).toBe('Alex Demo (alex@acme.test)');
	const link = await invoke<Item>('creates.create_link.operation.perform', { inputData: { original_url: 'https://example.com/from-the-zip', title: 'From the zip' } });
	expect(link).toMatchObject({ title: 'From the zip', short_url: `https://uselinkkit.com/${link.short_code}` });
	clock.advance(PAST_SETTLE_MS);
	const links = await invoke<Item[]>('triggers.new_link.operation.perform', { meta: {} });
	expect(links).toHaveLength(100);
	expect(links[0].id).toBe(link.id);
	expect(await invoke<Item[]>('searches.find_link.operation.perform', { inputData: { short_code: link.short_url } })).toEqual([link]);
	for (const body of logBodies) expect(body).not.toContain(sandbox.apiKey);
});

test('through the zip: a burst of 230 links reaches a Zap 100 per poll, with the position kept in z.cache between invocations', async () => {
	const zcacheTestObj = {};
	const poll = () => invoke<Item[]>('triggers.new_link.operation.perform', { meta: { zap: { id: 'zap_zip' } } }, { zcacheTestObj });
	const seen = new Set((await invoke<Item[]>('triggers.new_link.operation.perform', { meta: { zap: { id: 'zap_zip' }, isPopulatingDedupe: true } }, { zcacheTestObj })).map((l) => l.id));
	const { client } = await import('../support/fetch-port').then((m) => m.realClient(sandbox.url, sandbox.apiKey));
	await client.bulk.importBatch(Array.from({ length: 230 }, (_, i) => ({ original_url: `https://bulk.example.org/zip/${i}` })));
	clock.advance(PAST_SETTLE_MS);
	const fresh: number[] = [];
	for (let i = 0; i < 4; i++) {
		const items = await poll();
		fresh.push(items.filter((item) => !seen.has(item.id)).length);
		for (const item of items) seen.add(item.id);
	}
	expect(fresh).toEqual([100, 100, 30, 0]);
}, 60_000);

test('through the zip without z.cache (no Zapier backend): Create Link still creates once within its step', async () => {
	const before = sandbox.counts().links;
	sandbox.setFaults({ next: [{ kind: 'commit-drop' }] });
	const link = await invoke<Item>('creates.create_link.operation.perform', { inputData: { original_url: 'https://example.com/zip/no-cache' } });
	expect(link.original_url).toBe('https://example.com/zip/no-cache');
	expect(sandbox.counts().links).toBe(before + 1);
});

describe('through the zip: instant triggers on the sandbox\'s real deliveries', () => {
	let receiver: HookReceiver;
	beforeAll(async () => {
		receiver = await startHookReceiver();
	});
	afterAll(() => receiver?.stop());

	/** A connection as Zapier runs it: one z.cache between invocations, and Zapier's log shipping (to the local server). */
	function zipConnection(withLogs = true) {
		const zcacheTestObj: Record<string, unknown> = {};
		const extra = withLogs ? { zcacheTestObj, token: 'local-log-token' } : { zcacheTestObj };
		return { zcacheTestObj, call: <T>(method: string, bundle: Item) => invoke<T>(method, bundle, extra) };
	}

	let paths = 0;
	async function zipZap(key: string, inputData: Item = {}, conn = zipConnection()) {
		const path = `/zip/${key}/${paths++}`;
		const targetUrl = `${receiver.url}${path}`;
		const method = (name: string) => `triggers.${key}.operation.${name}`;
		const subscribeData = await conn.call<Item>(method('performSubscribe'), { inputData, targetUrl });
		let taken = 0;
		return {
			path,
			subscribeData,
			conn,
			perform: (request: Captured, bundle: Item = {}) => conn.call<Item[]>(method('perform'), { inputData, subscribeData, targetUrl, ...asZapierRequest(request), ...bundle }),
			list: () => conn.call<Item[]>(method('performList'), { inputData, meta: { isLoadingSample: true } }),
			turnOff: () => conn.call<Item>(method('performUnsubscribe'), { inputData, subscribeData, targetUrl }),
			next: async () => (await receiver.waitFor(path, ++taken))[taken - 1],
		};
	}

	test('subscribe, perform on real deliveries (one run per event, retries included), refusals, performList and unsubscribe', async () => {
		const logsBefore = logBodies.length;
		const { client } = await import('../support/fetch-port').then((m) => m.realClient(sandbox.url, sandbox.apiKey));
		const link = (await client.links.createWithCode(`zip-hook-${Date.now().toString(36)}`, { original_url: 'https://example.com/zip/hooks', title: 'Zip hook' })).link;
		const zap = await zipZap('link_clicked', { link: link.short_url });
		expect(zap.subscribeData).toMatchObject({ event: 'link.clicked', link_id: link.id, secret: expect.stringMatching(/^[0-9a-f]{64}$/) });
		expect(sandbox.hooks().filter((hook) => hook.id === zap.subscribeData.id)).toHaveLength(1);
		const secret = String(zap.subscribeData.secret);

		// The Zap's URL fails once: Linkkit (the sandbox) sends the same event again.
		receiver.failNext(zap.path, 1);
		await fetch(`${sandbox.url}/r/${link.short_code}`, { redirect: 'manual' });
		const [first, retry] = [await zap.next(), await zap.next()];
		expect(JSON.parse(retry.body.toString()).id).toBe(JSON.parse(first.body.toString()).id);
		const runs = [await zap.perform(first), await zap.perform(retry), await zap.perform(first)];
		expect(runs.map((items) => items.length)).toEqual([1, 0, 0]);
		expect(runs[0][0]).toMatchObject({ link_id: link.id, short_code: link.short_code, short_url: link.short_url, link_title: 'Zip hook' });

		const body = first.body.toString('utf8');
		const requestsBefore = sandbox.stats.current().requests;
		const forged = {
			wrongSecret: altered(first, { headers: (h) => [...h.filter(([n]) => n.toLowerCase() !== 'x-linkkit-signature'), ['X-Linkkit-Signature', signatureOf('0'.repeat(64), body)]] }),
			tampered: altered(first, { body: body.replace(link.id, link.id.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'))) }),
			unsigned: altered(first, { headers: (h) => h.filter(([n]) => n.toLowerCase() !== 'x-linkkit-signature') }),
		};
		for (const request of Object.values(forged)) expect(await zap.perform(request)).toEqual([]);
		expect(sandbox.stats.current().requests).toBe(requestsBefore);

		const samples = await zap.list();
		expect(samples.length).toBeGreaterThan(0);
		expect(samples[0]).toMatchObject({ link_id: link.id });

		expect(await zap.turnOff()).toEqual({ id: zap.subscribeData.id, unsubscribed: true });
		expect(sandbox.hooks().filter((hook) => hook.id === zap.subscribeData.id)).toEqual([]);
		const received = receiver.on(zap.path).length;
		await fetch(`${sandbox.url}/r/${link.short_code}`, { redirect: 'manual' });
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(receiver.on(zap.path)).toHaveLength(received);

		// Zapier's log shipping got the steps' logs (the subscribe's HTTP log among them), scrubbed: never the secret.
		const shipped = logBodies.slice(logsBefore).join('\n');
		expect(shipped).toMatch(/201 POST [^"]*\/v1\/hooks/);
		// The subscribe answer carries the secret; Zapier's scrubber censors it in the HTTP log (its key is "secret").
		expect(shipped).toContain(':censored:64:');
		expect(shipped).toMatch(/delivery ignored, no Zap run/);
		expect(shipped).not.toContain(secret);
		expect(shipped).not.toContain(sandbox.apiKey);
	}, 60_000);

	test('New Link, Updated Link and Deleted Link through the zip: items as the polling triggers\' (same keys as the samples)', async () => {
		const definition = JSON.parse(readFileSync(join(unzipped, 'definition.json'), 'utf8'));
		const { client } = await import('../support/fetch-port').then((m) => m.realClient(sandbox.url, sandbox.apiKey));
		const zaps = { link_created: await zipZap('link_created'), link_updated: await zipZap('link_updated'), link_deleted: await zipZap('link_deleted') };
		const code = `zip-ev-${Date.now().toString(36)}`;
		const link = (await client.links.createWithCode(code, { original_url: 'https://example.com/zip/events' })).link;
		await client.links.update(code, { title: 'Renamed in the zip test' });
		await client.links.delete(code);
		for (const [key, zap] of Object.entries(zaps)) {
			const items = await zap.perform(await zap.next());
			expect(items).toHaveLength(1);
			expect(Object.keys(items[0]).sort()).toEqual(Object.keys(definition.triggers[key].operation.sample).sort());
			expect(items[0].id === link.id || items[0].link_id === link.id).toBe(true);
			await zap.turnOff();
		}
	}, 60_000);

	test('without z.cache (no Zapier backend) a repeat reaching the same process is still one run', async () => {
		const zap = await zipZap('link_created', {}, { zcacheTestObj: {}, call: <T>(method: string, bundle: Item) => invoke<T>(method, bundle) });
		const { client } = await import('../support/fetch-port').then((m) => m.realClient(sandbox.url, sandbox.apiKey));
		await client.links.createPicked({ original_url: 'https://example.com/zip/no-cache-hook' });
		const delivery = await zap.next();
		expect((await zap.perform(delivery)).length).toBe(1);
		expect(await zap.perform(delivery)).toEqual([]);
		await zap.turnOff();
	}, 60_000);
});

test('fault soak: 200 Create Link runs through the zip under commit-drop, commit-500, stall and plain faults, rerun until they succeed: 0 lost, 0 doubled', async () => {
	// One connection: every invocation shares Zapier's cache, and the Zap id is the same for all runs.
	const zcacheTestObj = {};
	const step = (inputData: Item) => invoke<Item>('creates.create_link.operation.perform', { inputData, meta: { zap: { id: 'zap_zip_soak' } } }, { zcacheTestObj });
	const prefix = `zip-${Date.now().toString(36)}`;
	sandbox.setFaults(CREATE_FAULTS);
	const started = Date.now();
	let runs;
	try {
		runs = await soakCreates(step, prefix, 200);
	} finally {
		sandbox.setFaults({ commitDrop: 0, commit500: 0, stall: 0, drop: 0, rate: 0, next: [] });
	}
	const count = await countSoak(sandbox, prefix, runs);
	console.log(`zip soak in ${Math.round((Date.now() - started) / 1000)} s: ${JSON.stringify(count)}`);
	expect({ succeeded: count.succeeded, lost: count.lost, doubled: count.doubled, wrongOutput: count.wrongOutput }).toEqual({ succeeded: 200, lost: 0, doubled: 0, wrongOutput: 0 });
	expect(count.attempts).toBeGreaterThan(200);
	for (const body of logBodies) expect(body).not.toContain(sandbox.apiKey);
}, 400_000);
