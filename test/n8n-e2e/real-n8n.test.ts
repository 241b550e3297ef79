/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only test code, never shipped in the n8n package */
/**
 * The package in a real n8n 2.41.1 (provisioned by `npm test`), installed from the packed tarball exactly as a
 * user's install does, against the Linkkit sandbox over real HTTP on 127.0.0.1, answering 429s without any
 * rate-limit header (Linkkit's documented behaviour, the sandbox's default). One n8n for the whole file.
 * Skipped when LINKKIT_SKIP_REAL_N8N=1 (`npm run test:fast`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect, type LinkWithUrl } from '../../core';
import { n8nBin } from '../../scripts/n8n/provision';
import { installedManifest, packPackage, repoRoot, startN8n, type RunningN8n } from '../../scripts/n8n/instance';
import { N8nRest } from '../../scripts/n8n/rest';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, TEST_SEED_LINKS, type RunningSandbox } from '../support/sandbox';
import { startCollector, type Collector } from './collector';
import { runHeadless } from './runs';
import {
	analyticsWorkflow,
	createManyWorkflow,
	linkkitCredentialJson,
	locator,
	nodeItems,
	nodeOutput,
	nodesThatRan,
	resourcesWorkflow,
	triggerToCollector,
} from './workflows';

const skip = process.env.LINKKIT_SKIP_REAL_N8N === '1';
if (skip) console.log('Real-n8n suite skipped (LINKKIT_SKIP_REAL_N8N=1, e.g. `npm run test:fast`).');
if (!skip && !existsSync(n8nBin())) {
	throw new Error(`No provisioned n8n at ${n8nBin()}: run \`npm test\` or \`npx tsx scripts/n8n/provision.ts\` first.`);
}
const describeReal = skip ? describe.skip : describe;
const runTag = `run${Date.now().toString(36)}`;
const BULK_ROWS = 2_500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ExampleJson {
	id: string;
	nodes: Array<{ name: string; type: string; parameters: Record<string, string> }>;
}

/** examples/bulk-shorten-rows.json as a user imports it, with more rows, each URL marked with this run. */
function bulkShortenExample(): ExampleJson {
	const example = JSON.parse(readFileSync(join(repoRoot, 'examples/bulk-shorten-rows.json'), 'utf8')) as ExampleJson;
	const code = example.nodes.find((node) => node.type === 'n8n-nodes-base.code' && node.parameters.jsCode.includes('rows.push'));
	if (!code) throw new Error('examples/bulk-shorten-rows.json has no rows node: update this suite');
	const before = code.parameters.jsCode;
	code.parameters.jsCode = before.replace('i <= 250', `i <= ${BULK_ROWS}`).replace('?ref=newsletter', `?ref=${runTag}`);
	if (code.parameters.jsCode === before || !code.parameters.jsCode.includes(runTag)) throw new Error('examples/bulk-shorten-rows.json changed: update this suite');
	return example;
}

// Starting n8n takes ~20 s; each trigger cycle waits for n8n's one-minute poll.
jest.setTimeout(300_000);

describeReal('n8n-nodes-linkkit in a real n8n', () => {
	let sandbox: RunningSandbox;
	let collector: Collector;
	let n8n: RunningN8n;
	let rest: N8nRest;
	const watched = `watch-${runTag}`;
	const analysed = `an-${runTag}`;
	const api = () => realClient(sandbox.url, sandbox.apiKey, { maxRetries: 8 }).client;
	/** A visit of a short link, as a browser makes it; returns the click's ID (lkclid) from the redirect. */
	const visit = async (code: string, headers: Record<string, string> = {}) => {
		const answer = await fetch(`${sandbox.url}/r/${code}`, { redirect: 'manual', headers });
		expect(answer.status).toBe(302);
		return new URL(answer.headers.get('location') as string).searchParams.get('lkclid') as string;
	};
	const clickIds: string[] = [];

	beforeAll(async () => {
		sandbox = await startTestSandbox();
		collector = await startCollector();
		// The watched link (no clicks yet) for the click and milestone triggers, and a link with known visits for analytics.
		await api().links.upsert(watched, { original_url: `https://example.com/e2e-watched/${runTag}` });
		await api().links.upsert(analysed, { original_url: `https://shop.example.com/${runTag}` });
		for (let i = 0; i < 3; i++) clickIds.push(await visit(analysed, { 'X-Sandbox-Country': 'DE', 'X-Sandbox-City': 'Berlin' }));
		for (let i = 0; i < 2; i++) clickIds.push(await visit(analysed, { 'X-Sandbox-Country': 'US' }));
		const tarball = packPackage(join(repoRoot, 'tmp/n8n-e2e/pack'));
		n8n = await startN8n({
			userFolder: join(repoRoot, 'tmp/n8n-e2e/user'),
			tarball,
			async beforeStart(cli) {
				await cli.importCredentials([linkkitCredentialJson(sandbox)]);
				await cli.importWorkflows([
					triggerToCollector('newLinks', { event: 'newLink' }, collector.url),
					triggerToCollector('newClicks', { event: 'newClick', link: locator('shortCode', watched) }, collector.url),
					triggerToCollector('milestone', { event: 'clickMilestone', watch: 'link', milestoneLink: locator('list', watched), milestone: 3 }, collector.url),
					triggerToCollector('updatedLinks', { event: 'updatedLink' }, collector.url),
					triggerToCollector('newConversions', { event: 'newConversion', conversionType: 'both' }, collector.url),
					resourcesWorkflow('everyResource', runTag),
					createManyWorkflow('createManyRows', [
						{ url: `https://rows.example.org/${runTag}/1` },
						{ url: 'https://malware.test/bad' },
						{ url: 'not a url' },
						{ url: `https://rows.example.org/${runTag}/2` },
						{ url: 'https://www.phishing.test/login' },
					]),
					analyticsWorkflow('analyticsConversions', analysed, clickIds[0], `cus-${runTag}`),
					bulkShortenExample(),
				]);
				// Published before start, so n8n activates the triggers (each first poll records the mark) as it boots.
				for (const id of ['newLinks', 'newClicks', 'milestone', 'updatedLinks', 'newConversions']) {
					const published = await cli.cli(['publish:workflow', `--id=${id}`]);
					if (published.code !== 0) throw new Error(`publish of ${id} failed: ${published.stderr}`);
				}
			},
		});
		rest = new N8nRest(n8n.url);
		await rest.setupOwner();
	}, 300_000);

	afterAll(async () => {
		await n8n?.stop();
		await collector?.stop();
		await sandbox?.stop();
	});

	test('the installed package is the packed tarball and n8n loads its three nodes and one credential without warnings', async () => {
		expect(installedManifest(n8n.userFolder).name).toBe('n8n-nodes-linkkit');
		const nodeTypes = await rest.nodeTypeNames();
		// Three nodes, plus the AI-tool variant n8n derives by itself from the action node's `usableAsTool`.
		expect(nodeTypes.filter((name) => name.startsWith('n8n-nodes-linkkit.')).sort()).toEqual([
			'n8n-nodes-linkkit.linkkit',
			'n8n-nodes-linkkit.linkkitInstantTrigger',
			'n8n-nodes-linkkit.linkkitTool',
			'n8n-nodes-linkkit.linkkitTrigger',
		]);
		expect((await rest.credentialTypeNames()).filter((name) => name === 'linkkitApi')).toEqual(['linkkitApi']);
		const linkkitLines = n8n.log().split('\n').filter((line) => /linkkit/i.test(line) && /warn|error|fail/i.test(line));
		expect(linkkitLines).toEqual([]);
	});

	test("credential test over REST: a good key passes, a wrong key shows the credential's message", async () => {
		expect(await rest.testCredential('linkkitApi', { apiKey: sandbox.apiKey, baseUrl: sandbox.url })).toEqual(expect.objectContaining({ status: 'OK' }));
		const bad = await rest.testCredential('linkkitApi', { apiKey: `lk_test_${randomBytes(12).toString('hex')}`, baseUrl: sandbox.url });
		expect(bad.status).toBe('Error');
		expect(bad.message).toMatch(/API key missing or incorrect/);
	});

	test('active triggers: the first poll only marks; then each new link once, oldest first, over two one-minute polls; clicks, a milestone, an update and conversions once', async () => {
		// The activation polls ran as n8n booted: wait until each trigger asked Linkkit once, so what follows is new.
		const deadline = Date.now() + 120_000;
		const asked = () => {
			const routes = sandbox.stats.list().filter((record) => record.method === 'GET').map((record) => record.url.split('?')[0]);
			return routes.includes('/v1/links') && routes.includes(`/v1/analytics/links/${watched}`) && routes.includes('/v1/conversions');
		};
		while (!asked() && Date.now() < deadline) await sleep(500);
		expect(asked()).toBe(true);
		const createdAfter = async (n: number, label: string) => {
			const out: LinkWithUrl[] = [];
			for (let i = 1; i <= n; i++) out.push((await api().links.upsert(`${label}-${i}-${runTag}`, { original_url: `https://example.com/e2e-${label}/${i}` })).link);
			return out;
		};
		const first = await createdAfter(3, 'first');
		// Three visits: the watched link reaches the milestone (3 clicks) and makes three click events.
		for (const country of ['DE', 'FR', 'US']) await visit(watched, { 'X-Sandbox-Country': country });
		const batch1 = (await collector.waitFor('/newLinks', 3, 150_000)) as Array<{ short_code: string }>;
		expect(batch1.map((item) => item.short_code)).toEqual(first.map((link) => link.short_code));
		const clicks = (await collector.waitFor('/newClicks', 3, 90_000)) as Array<{ short_code: string; clicked_at: string; country: string }>;
		expect(clicks.map((click) => [click.short_code, click.country])).toEqual([
			[watched, 'DE'],
			[watched, 'FR'],
			[watched, 'US'],
		]);
		const milestones = (await collector.waitFor('/milestone', 1, 90_000)) as Array<{ short_code: string; milestone: number; clicks: number }>;
		expect(milestones).toEqual([expect.objectContaining({ short_code: watched, milestone: 3, clicks: 3 })]);
		// A link changed after the activation (links created since are new, not updated), and a lead and a sale recorded.
		await api().links.update(first[0].short_code, { title: `edited ${runTag}` });
		const track = async (type: 'lead' | 'sale', extra: object) => {
			const answer = await fetch(`${sandbox.url}/track/${type}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ publishable_key: sandbox.publishableKey, customer_external_id: `trigger-${runTag}`, ...extra }),
			});
			expect(answer.status).toBe(201);
			return (await answer.json()) as { id: string };
		};
		const conversions = [await track('lead', {}), await track('sale', { amount: 1200 })];

		const second = await createdAfter(2, 'second');
		await visit(watched, { 'X-Sandbox-Country': 'IT' });
		const all = (await collector.waitFor('/newLinks', 5, 150_000)) as Array<{ short_code: string; id: string }>;
		expect(all.map((item) => item.short_code)).toEqual([...first, ...second].map((link) => link.short_code));
		// None of the seeded links or the two made before the activation (history) was handed on.
		expect(all.map((item) => item.short_code)).not.toContain(watched);
		// The fourth click is a new click, but the milestone already fired for this link: no second event.
		expect(await collector.waitFor('/newClicks', 4, 90_000)).toHaveLength(4);
		expect(collector.received.get('/milestone')).toHaveLength(1);
		const updated = (await collector.waitFor('/updatedLinks', 1, 90_000)) as Array<{ short_code: string; title: string }>;
		expect(updated.map((link) => [link.short_code, link.title])).toEqual([[first[0].short_code, `edited ${runTag}`]]);
		const converted = (await collector.waitFor('/newConversions', 2, 90_000)) as Array<{ id: string; type: string }>;
		expect(converted.map((conversion) => [conversion.id, conversion.type])).toEqual([
			[conversions[0].id, 'lead'],
			[conversions[1].id, 'sale'],
		]);
		// Two polls at least delivered (the first batch and the second came from different polls), nothing twice.
		await sleep(65_000);
		expect((collector.received.get('/newLinks') ?? []).length).toBe(5);
		expect((collector.received.get('/newClicks') ?? []).length).toBe(4);
		expect((collector.received.get('/updatedLinks') ?? []).length).toBe(1);
		expect((collector.received.get('/newConversions') ?? []).length).toBe(2);
		console.log(
			`trigger: ${TEST_SEED_LINKS + 2} links of history not sent; 5 new links, 4 clicks, 1 milestone, 1 updated link and 2 conversions delivered once each`,
		);
	}, 600_000);

	test('every resource in one headless run: links, segments, campaign settings, tags, QR codes, domains, workspaces', async () => {
		const started = Date.now();
		const run = await runHeadless(n8n, rest, 'everyResource');
		if (!run.ok) console.log(run.output.slice(-3000));
		expect(run.ok).toBe(true);
		const out = (node: string) => nodeOutput(run.data, node);
		const one = (node: string) => out(node)[0];

		// Segments.
		const segment = one('Create segment');
		expect(segment).toMatchObject({ id: expect.any(String), name: `E2E ${runTag}`, color: '#3B82F6' });
		expect(one('Get segment')).toEqual(segment);
		expect(one('Update segment')).toMatchObject({ id: segment.id, name: `E2E ${runTag} (renamed)` });
		expect(out('Get many segments').map((item) => item.id)).toContain(segment.id);
		// Campaign settings, applied to a link: its UTM parameters replace those of the same name in the destination.
		const setting = one('Create campaign setting');
		expect(setting).toMatchObject({ name: `E2E ${runTag}`, utm_source: 'newsletter', utm_campaign: runTag });
		expect(one('Get campaign setting')).toEqual(setting);
		expect(one('Update campaign setting')).toMatchObject({ id: setting.id, utm_medium: 'email' });
		expect(out('Get many campaign settings').map((item) => item.id)).toContain(setting.id);

		// Links: a derived 10-character code, a person's own code, Linkkit's 6-character pick.
		const derived = one('Create link');
		expect(derived).toMatchObject({
			short_code: expect.stringMatching(/^[A-Za-z0-9]{10}$/),
			title: `E2E ${runTag}`,
			custom_domain: 'go.acme.test',
			original_url: expect.stringMatching(new RegExp(`^https://example\\.com/e2e/${runTag}/derived\\?`)),
		});
		const query = [...new URL(String(derived.original_url)).searchParams.entries()].sort();
		expect(query).toEqual([
			['utm_campaign', runTag],
			['utm_medium', 'email'],
			['utm_source', 'newsletter'],
			['x', '1'],
		]);
		expect(derived.short_url).toBe(`https://go.acme.test/${derived.short_code}`);
		expect(one('Create link with a code')).toMatchObject({ short_code: `own-${runTag}`, short_url: `https://uselinkkit.com/own-${runTag}` });
		expect(one('Create link Linkkit picks').short_code).toMatch(/^[A-Za-z0-9]{6}$/);
		expect(one('Create or update (new)')).toMatchObject({ short_code: `cu-${runTag}`, created: true, original_url: `https://example.com/e2e/${runTag}/cu-1` });
		expect(one('Create or update (existing)')).toMatchObject({ short_code: `cu-${runTag}`, created: false, title: 'changed', original_url: `https://example.com/e2e/${runTag}/cu-2` });
		expect(one('Get link by code')).toMatchObject({ id: derived.id, short_code: derived.short_code });
		expect(one('Get link by URL')).toMatchObject({ id: derived.id, short_code: derived.short_code });
		const listed = out('Get many links').map((item) => item.short_code);
		expect(new Set(listed)).toEqual(new Set([derived.short_code, `own-${runTag}`, one('Create link Linkkit picks').short_code, `cu-${runTag}`]));
		expect(one('Update link')).toMatchObject({ short_code: `renamed-${runTag}`, title: `E2E ${runTag} (updated)` });
		expect(one('Add link to segment')).toMatchObject({ short_code: derived.short_code, list_id: segment.id });
		expect(one('Get link in segment')).toMatchObject({ list_id: segment.id });
		expect(one('Remove link from segment')).toMatchObject({ short_code: derived.short_code, list_id: null });

		// Tags.
		const tag = one('Create tag');
		expect(tag).toMatchObject({ name: `e2e-${runTag}`, color: '#FF5733' });
		expect(one('Get tag')).toEqual(tag);
		expect(one('Update tag')).toMatchObject({ id: tag.id, name: `e2e-${runTag}-renamed` });
		expect(out('Get many tags').map((item) => item.id)).toContain(tag.id);
		// QR codes: one for the link (its short URL), one for any URL.
		const qr = one('Create QR code for a link');
		expect(qr).toMatchObject({ url: derived.short_url, name: `QR ${runTag}` });
		expect(one('Create QR code for a URL')).toMatchObject({ url: `https://example.com/e2e/${runTag}/menu` });
		expect(one('Get QR code')).toMatchObject({ id: qr.id });
		expect(one('Update QR code')).toMatchObject({ id: qr.id, color: '#112233' });
		expect(out('Get many QR codes').map((item) => item.id)).toContain(qr.id);
		expect(one('Delete QR code')).toEqual({ id: qr.id, deleted: true });
		// Domains and workspaces.
		const domains = out('Get many domains');
		expect(domains.map((item) => item.domain)).toEqual(expect.arrayContaining(['go.acme.test']));
		expect(one('Get domain')).toMatchObject({ id: domains[0].id, domain: domains[0].domain });
		expect(out('Get many workspaces').map((item) => item.id)).toEqual(expect.arrayContaining([sandbox.workspaceId, sandbox.otherWorkspaceId]));
		// Deletes.
		expect(one('Delete link')).toEqual({ short_code: `renamed-${runTag}`, deleted: true });
		expect(one('Delete tag')).toEqual({ id: tag.id, deleted: true });
		expect(one('Delete campaign setting')).toEqual({ id: setting.id, deleted: true });
		expect(one('Delete segment')).toEqual({ id: segment.id, deleted: true });

		// What Linkkit holds afterwards, read back with the core.
		const client = api();
		expect(await client.links.getOrNothing(`renamed-${runTag}`)).toBeUndefined();
		expect(await client.links.getOrNothing(`own-${runTag}`)).toBeUndefined();
		expect((await client.links.get(String(derived.short_code))).list_id).toBeNull();
		expect((await client.segments.list()).map((item) => item.id)).not.toContain(segment.id);
		expect(run.output).not.toContain(sandbox.apiKey);
		console.log(`every-resource run: ${nodesThatRan(run.data).length - 1} Linkkit steps in ${Math.round((Date.now() - started) / 1000)} s (n8n CLI start included)`);
	});

	test('Create Many: each row created, skipped by Linkkit (with its reason) or refused before sending, paired with its row', async () => {
		const before = sandbox.counts().links;
		const run = await runHeadless(n8n, rest, 'createManyRows');
		expect(run.ok).toBe(true);
		const items = nodeItems(run.data, 'Create many');
		expect(items.map((item) => [item.json.status, item.json.original_url])).toEqual([
			['created', `https://rows.example.org/${runTag}/1`],
			['skipped', 'https://malware.test/bad'],
			['invalid', 'not a url'],
			['created', `https://rows.example.org/${runTag}/2`],
			['skipped', 'https://www.phishing.test/login'],
		]);
		expect(items.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(items[1].json.reason).toBe('URL failed safety checks');
		expect(String(items[2].json.reason)).toMatch(/^Destination URL: /);
		expect(sandbox.counts().links).toBe(before + 2);
		const made = await collect(api().links.iterate({ search: `rows.example.org/${runTag}` }, { returnAll: true }));
		expect(made.map((link) => [link.original_url, link.title]).sort()).toEqual([
			[`https://rows.example.org/${runTag}/1`, 'Imported'],
			[`https://rows.example.org/${runTag}/2`, 'Imported'],
		]);
	});

	test('analytics (summary, link clicks, breakdown, timeseries) and conversions (lead tied to a click, sale, get many)', async () => {
		const run = await runHeadless(n8n, rest, 'analyticsConversions');
		if (!run.ok) console.log(run.output.slice(-3000));
		expect(run.ok).toBe(true);
		const out = (node: string) => nodeOutput(run.data, node);
		const counts = sandbox.counts();
		expect(out('Summary')[0]).toMatchObject({ total_links: expect.any(Number), total_clicks: expect.any(Number) });
		expect(Number(out('Summary')[0].total_clicks)).toBeGreaterThanOrEqual(5);
		expect(Number(out('Summary')[0].total_links)).toBeLessThanOrEqual(counts.links);
		expect(out('Link clicks').map((click) => click.id)).toEqual([...clickIds].reverse());
		expect(out('Link clicks').every((click) => click.short_code === analysed)).toBe(true);
		expect(out('Breakdown').map((row) => [row.value, row.clicks, row.computed])).toEqual([
			['DE', 3, true],
			['US', 2, true],
		]);
		const series = out('Timeseries');
		expect(series.length).toBeGreaterThanOrEqual(7);
		expect(series.reduce((sum, row) => sum + Number(row.clicks), 0)).toBe(5);
		const link = await api().links.get(analysed);
		const lead = out('Track lead')[0];
		expect(lead).toMatchObject({ type: 'lead', event_name: 'Trial Started', customer_external_id: `cus-${runTag}`, click_id: clickIds[0], link_id: link.id });
		const sale = out('Track sale')[0];
		expect(sale).toMatchObject({ type: 'sale', amount: 4999, currency: 'eur', invoice_id: `inv-cus-${runTag}` });
		expect(out('Get many conversions').map((conversion) => conversion.id)).toEqual([sale.id, lead.id]);
		expect(run.output).not.toContain(sandbox.publishableKey);
	});

	test(`the bulk-shorten example imports ${BULK_ROWS} rows exactly once through a sandbox limited to 1 request/s with no rate-limit headers`, async () => {
		sandbox.setRateLimit(1, 1);
		sandbox.stats.clear();
		const started = Date.now();
		try {
			const example = bulkShortenExample();
			const linkkitStep = example.nodes.find((node) => node.type === 'n8n-nodes-linkkit.linkkit');
			expect(linkkitStep?.parameters.operation).toBe('createMany');
			const run = await runHeadless(n8n, rest, example.id);
			if (!run.ok) console.log(run.output.slice(-3000));
			expect(run.ok).toBe(true);
			const out = nodeOutput(run.data, String(linkkitStep?.name));
			expect(out).toHaveLength(BULK_ROWS);
			expect(out.filter((item) => item.status !== 'created')).toEqual([]);
		} finally {
			sandbox.setRateLimit(50, 100);
		}
		const stats = sandbox.stats.current();
		const bulkStatuses = sandbox.stats
			.list()
			.filter((record) => record.method === 'POST' && record.url.startsWith('/v1/links/bulk'))
			.map((record) => record.status);
		const answer = await fetch(`${sandbox.url}/__sandbox/stats?destinationPrefix=${encodeURIComponent('https://example.com/products/')}`);
		const byDestination = ((await answer.json()) as { linksByDestination: Record<string, number> }).linksByDestination;
		const mine = Object.entries(byDestination).filter(([url]) => url.endsWith(`?ref=${runTag}`));
		expect(mine).toHaveLength(BULK_ROWS);
		expect(mine.filter(([, count]) => count !== 1)).toEqual([]);
		const bulk = bulkStatuses.length;
		const limited = stats.byStatus['429'] ?? 0;
		console.log(
			`bulk example: ${BULK_ROWS} rows in ${Math.round((Date.now() - started) / 1000)} s (n8n CLI start included), ${bulk} bulk requests, ` +
				`${stats.requests} requests in all (the triggers' polls included), ${limited} answered 429 (${((100 * limited) / Math.max(1, stats.requests)).toFixed(1)} %)`,
		);
		// Three bulk requests of at most 1 000 rows went through; the others were 429s, which change nothing.
		expect(bulkStatuses.filter((status) => status !== 429)).toEqual([201, 201, 201]);
	});

	test("neither test output nor n8n's log holds the API key or the publishable key", () => {
		for (const secret of [sandbox.apiKey, sandbox.publishableKey]) {
			expect(n8n.log()).not.toContain(secret);
			expect(readFileSync(n8n.logFile, 'utf8')).not.toContain(secret);
		}
	});
});
