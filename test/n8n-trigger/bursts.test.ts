/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test code, never shipped in the n8n package */
/**
 * Bursts through n8n's engine against the sandbox over HTTP (through a recording proxy): 100 000 clicks on one link are
 * handed on about 1 000 a check, oldest first, each once, every page of Linkkit's click list read once; 3 000 links
 * from three bulk imports (three instants of 1 000 links) come out a whole import a check. The state stays small
 * meanwhile, and a check after the burst is one request again.
 */

import { MAX_ITEMS_PER_POLL } from '../../core';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { startProxy, type LinkkitProxy } from './linkkit-proxy';
import { SandboxApi } from './sandbox-api';
import { TriggerDriver } from './trigger-driver';

const MINUTE = 60_000;
let clock = Date.UTC(2026, 10, 22, 9, 0, 0);
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

const query = (path: string) => new URL(path, 'http://x').searchParams;

test('100 000 clicks: about 1 000 a check over about 100 checks, oldest first, each once, every page read once', async () => {
	const link = await api.createLink('https://example.com/viral');
	const code = String(link.short_code);
	const clicks = new TriggerDriver({ baseUrl: proxy.url, apiKey: sandbox.apiKey }, { event: 'newClick', link: { __rl: true, mode: 'shortCode', value: code } });
	await clicks.check();
	clock += MINUTE;
	expect(sandbox.injectClicks(code, 100_000, { spreadMs: 50_000 })).toBe(100_000);
	const first = proxy.paths.length;
	const chunks: number[] = [];
	const bytes: number[] = [];
	while (clicks.emitted.length < 100_000 && chunks.length < 120) {
		clock += MINUTE;
		chunks.push((await clicks.check()).length);
		bytes.push(clicks.stateBytes());
	}
	expect(clicks.emitted).toHaveLength(100_000);
	expect(new Set(clicks.ids()).size).toBe(100_000);
	const times = clicks.emitted.map((click) => String(click.clicked_at));
	expect(times).toEqual([...times].sort());
	expect(chunks.length).toBeLessThanOrEqual(Math.ceil(100_000 / MAX_ITEMS_PER_POLL) + 1);
	expect(Math.max(...chunks)).toBeLessThanOrEqual(MAX_ITEMS_PER_POLL + 100);

	// The frozen range's pages (those read with `to`) were each read once; per check, the link and at most one fresh look.
	const reads = proxy.paths.slice(first).filter((path) => path.startsWith('/v1/analytics/links/'));
	const rangePages = reads.filter((path) => query(path).has('to')).map((path) => `${query(path).get('from')}|${query(path).get('to')}|${query(path).get('page')}`);
	expect(new Set(rangePages).size).toBe(rangePages.length);
	expect(rangePages.length).toBeLessThanOrEqual(1_000 + 2);
	expect(reads.length).toBeLessThanOrEqual(rangePages.length + chunks.length);
	expect(Math.max(...clicks.requestsPerCheck)).toBeLessThanOrEqual(13);
	expect(Math.max(...bytes)).toBeLessThan(400);

	clock += MINUTE;
	expect(await clicks.check()).toEqual([]);
	expect(clicks.requestsPerCheck.at(-1)).toBe(1);
	process.stdout.write(`100 000 clicks: ${chunks.length} checks, ${reads.length} requests, state ≤ ${Math.max(...bytes)} bytes\n`);
}, 600_000);

test('3 000 links from three bulk imports: a whole import a check, oldest first, each once', async () => {
	const links = new TriggerDriver({ baseUrl: proxy.url, apiKey: sandbox.apiKey }, { event: 'newLink' });
	await links.check();
	const imports: string[][] = [];
	for (let i = 0; i < 3; i++) {
		clock += 1_000;
		const urls = Array.from({ length: 1_000 }, (_, j) => `https://example.com/import/${i}/${j}`);
		expect((await api.bulk(urls)).created).toBe(1_000);
		imports.push(urls);
	}
	const chunks: string[][] = [];
	while (links.emitted.length < 3_000 && chunks.length < 10) {
		clock += MINUTE;
		chunks.push((await links.check()).map((link) => String(link.original_url)));
	}
	expect(new Set(links.ids()).size).toBe(3_000);
	// One import per check, in import order (the links of one import share an instant: never split).
	expect(chunks.map((chunk) => new Set(chunk.map((url) => url.split('/')[4])))).toEqual([new Set(['0']), new Set(['1']), new Set(['2'])]);
	expect(Math.max(...links.requestsPerCheck)).toBeLessThanOrEqual(14);
	expect(links.stateBytes()).toBeLessThan(200);
	clock += MINUTE;
	expect(await links.check()).toEqual([]);
	expect(links.requestsPerCheck.at(-1)).toBe(1);
	process.stdout.write(`3 000 links in three imports: requests per check ${links.requestsPerCheck.join(', ')}\n`);
}, 120_000);
