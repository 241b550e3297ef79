/**
 * Linkkit's page/limit lists move while a check reads them: a link created meanwhile pushes every later link one place
 * down (the next page repeats one), a link deleted meanwhile pulls them up (the next page would skip one). Through a
 * proxy that creates and deletes links between two page reads of one check, over real HTTP and n8n's engine: every
 * link still there comes out once, in creation order; a deleted link at most once; changes are not lost either.
 */

import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { startProxy, type LinkkitProxy } from './linkkit-proxy';
import { SandboxApi, type Json } from './sandbox-api';
import { TriggerDriver } from './trigger-driver';

const MINUTE = 60_000;
let clock = Date.UTC(2026, 10, 23, 9, 0, 0);
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

/** A deterministic sequence in [0, 1), so a failure reproduces. */
let seed = 99;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const isListRead = (path: string) => path.startsWith('/v1/links?');

test('New Link: links created and deleted between the pages of one check; each link there once, oldest first', async () => {
	const links = new TriggerDriver({ baseUrl: proxy.url, apiKey: sandbox.apiKey }, { event: 'newLink' });
	await links.check();
	const made: Json[] = [];
	for (let i = 0; i < 1_500; i++) {
		if (i % 10 === 0) clock += 1;
		made.push(await api.createLink(`https://example.com/moving/${i}`));
	}
	const deleted = new Set<string>();
	let added = 0;
	let reads = 0;
	proxy.before = async (path) => {
		if (!isListRead(path)) return;
		// Between two page reads: two new links at the top, or three links of the burst deleted (read already or not),
		// so the total grows at one read and shrinks at the next.
		if (reads++ % 2 === 0) {
			for (let i = 0; i < 2; i++) made.push(await api.createLink(`https://example.com/meanwhile/${added++}`));
			return;
		}
		for (let i = 0; i < 3; i++) {
			const alive = made.filter((link) => !deleted.has(String(link.id)) && String(link.original_url).includes('/moving/'));
			const victim = alive[Math.floor(random() * alive.length)];
			await api.deleteLink(String(victim.short_code));
			deleted.add(String(victim.id));
		}
	};
	for (let check = 0; check < 3; check++) {
		clock += MINUTE;
		await links.check();
	}
	proxy.before = undefined;
	for (let check = 0; check < 3; check++) {
		clock += MINUTE;
		await links.check();
	}
	const out = links.ids();
	expect(new Set(out).size).toBe(out.length);
	const expected = made.map((link) => String(link.id)).filter((id) => !deleted.has(id) || out.includes(id));
	expect([...out].sort()).toEqual([...expected].sort());
	// Oldest first (links of one millisecond come in Linkkit's order for them, which the trigger does not rely on).
	const times = links.emitted.map((link) => String(link.created_at));
	expect(times).toEqual([...times].sort());
	expect(deleted.size).toBeGreaterThanOrEqual(15);
	expect(added).toBeGreaterThanOrEqual(10);
	// The deletions showed as a smaller total between two pages: those checks read pages again.
	expect(reads).toBeGreaterThan(25);
	expect(links.stateBytes()).toBeLessThan(200);
}, 120_000);

test('Updated Link: links deleted between the pages of the scan lose no change elsewhere', async () => {
	const updates = new TriggerDriver({ baseUrl: proxy.url, apiKey: sandbox.apiKey }, { event: 'updatedLink' });
	await updates.check();
	clock += 1_000;
	const all = await api.links();
	const older = (await api.links('&page=5')).concat(await api.links('&page=8'));
	const changed: Json[] = [];
	for (const link of older.filter((_, i) => i % 3 === 0)) {
		clock += 3;
		changed.push(await api.updateLink(String(link.short_code), { title: `Changed ${String(link.short_code)}` }));
	}
	const changedIds = new Set(changed.map((link) => String(link.id)));
	const victims = all.filter((link) => !changedIds.has(String(link.id)));
	proxy.before = async (path) => {
		// Delete links near the top while the scan reads further down: every later link slides up.
		if (isListRead(path) && victims.length) for (let i = 0; i < 7 && victims.length; i++) await api.deleteLink(String(victims.shift()!.short_code));
	};
	clock += MINUTE;
	await updates.check();
	proxy.before = undefined;
	expect(updates.emitted.map((link) => [link.id, link.title])).toEqual(changed.map((link) => [link.id, link.title]));
	// The deletions showed as a smaller total between two pages, and the pages they slid to were read again.
	const reads = proxy.paths.filter(isListRead).slice(-40);
	expect(reads.length).toBeGreaterThan(Math.ceil(sandbox.counts().links / 100));
}, 120_000);
