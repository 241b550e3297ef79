/**
 * Restart safety through n8n's engine: the trigger's state is plain JSON in the workflow's static data, read back
 * before every check (as a restarted n8n loads it from its database). A check that dies part-way (here: Linkkit's
 * answer refused in the middle of a burst, which n8n records as a failed poll) changes nothing, so the next check
 * hands on exactly what was left: nothing lost, nothing twice, and a burst's walk continues from the saved page.
 */

import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { startProxy, type LinkkitProxy } from './linkkit-proxy';
import { SandboxApi } from './sandbox-api';
import { TriggerDriver } from './trigger-driver';

const MINUTE = 60_000;
let clock = Date.UTC(2026, 10, 25, 9, 0, 0);
let sandbox: RunningSandbox;
let proxy: LinkkitProxy;
let api: SandboxApi;

beforeAll(async () => {
	sandbox = await startTestSandbox({ now: () => clock, rate: 1_000_000, burst: 1_000_000, rateLimitHeaders: 'full' });
	proxy = await startProxy(sandbox.url);
	api = new SandboxApi(sandbox);
});
afterAll(async () => {
	await proxy.stop();
	await sandbox.stop();
});
afterEach(() => (proxy.before = undefined));

/** Makes the check's `n`th request to Linkkit fail (401: not retried), as if n8n died there. */
function failRequest(n: number): void {
	let seen = 0;
	proxy.before = () => (++seen === n ? 401 : undefined);
}

test('New Click: a check that dies mid-burst leaves the state as it was; the next hands on exactly the rest', async () => {
	const link = await api.createLink('https://example.com/restart-clicks');
	const code = String(link.short_code);
	const target = { baseUrl: proxy.url, apiKey: sandbox.apiKey };
	const clicks = new TriggerDriver(target, { event: 'newClick', link: { __rl: true, mode: 'shortCode', value: code } });
	await clicks.check();
	clock += MINUTE;
	sandbox.injectClicks(code, 3_500, { spreadMs: 30_000 });
	clock += MINUTE;
	await clicks.check();
	expect(clicks.emitted.length).toBeGreaterThanOrEqual(1_000);
	const saved = JSON.stringify(clicks.staticData);

	// The next check fails at its fifth request, after reading four pages.
	failRequest(5);
	clock += MINUTE;
	await expect(clicks.check()).rejects.toThrow();
	expect(JSON.stringify(clicks.staticData)).toBe(saved);
	proxy.before = undefined;

	// A new n8n process: a new trigger object with the saved state, as the database holds it.
	const restarted = new TriggerDriver(target, clicks.parameters);
	restarted.staticData = JSON.parse(saved);
	const firstPath = proxy.paths.length;
	while (clicks.emitted.length + restarted.emitted.length < 3_500 && restarted.requestsPerCheck.length < 10) {
		clock += MINUTE;
		await restarted.check();
	}
	const all = [...clicks.ids(), ...restarted.ids()];
	expect(all).toHaveLength(3_500);
	expect(new Set(all).size).toBe(3_500);
	const times = [...clicks.emitted, ...restarted.emitted].map((click) => String(click.clicked_at));
	expect(times).toEqual([...times].sort());
	// The burst's walk went on from the saved page: no page of the frozen range read twice after the restart.
	const pages = proxy.paths.slice(firstPath).filter((path) => path.includes('to=')).map((path) => new URL(path, 'http://x').search);
	expect(new Set(pages).size).toBe(pages.length);
});

test('New Link: a failed check in a burst, then a restart: each link once, oldest first', async () => {
	const target = { baseUrl: proxy.url, apiKey: sandbox.apiKey };
	const links = new TriggerDriver(target, { event: 'newLink' });
	await links.check();
	const made: string[] = [];
	for (let i = 0; i < 3; i++) {
		clock += 1_000;
		await api.bulk(Array.from({ length: 900 }, (_, j) => `https://example.com/restart/${i}/${j}`));
	}
	for (const link of await api.links()) made.push(String(link.id));
	clock += MINUTE;
	await links.check();
	failRequest(3);
	clock += MINUTE;
	await expect(links.check()).rejects.toThrow();
	proxy.before = undefined;
	const restarted = new TriggerDriver(target, links.parameters);
	restarted.staticData = JSON.parse(JSON.stringify(links.staticData));
	for (let i = 0; i < 4; i++) {
		clock += MINUTE;
		await restarted.check();
	}
	const all = [...links.emitted, ...restarted.emitted];
	expect(all).toHaveLength(2_700);
	expect(new Set(all.map((link) => link.id)).size).toBe(2_700);
	const imports = all.map((link) => String(link.original_url).split('/')[4]);
	expect(imports).toEqual([...imports].sort());
	expect(made.every((id) => all.some((link) => link.id === id))).toBe(true);
});
