/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only test code, never shipped in the n8n package */
/**
 * The package in a real n8n 2.41.1 (provisioned by `npm test`), installed from the packed tarball exactly as a
 * user's install does, against the Linkkit sandbox over real HTTP on 127.0.0.1. One n8n for the whole file.
 * Skipped when LINKKIT_SKIP_REAL_N8N=1 (`npm run test:fast`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { n8nBin } from '../../scripts/n8n/provision';
import { installedManifest, packPackage, repoRoot, startN8n, type RunningN8n } from '../../scripts/n8n/instance';
import { N8nRest } from '../../scripts/n8n/rest';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { startCollector, type Collector } from './collector';
import { CREDENTIAL, crudWorkflow, nodeOutput, triggerToCollector } from './workflows';

const skip = process.env.LINKKIT_SKIP_REAL_N8N === '1';
if (skip) console.log('Real-n8n suite skipped (LINKKIT_SKIP_REAL_N8N=1, e.g. `npm run test:fast`).');
if (!skip && !existsSync(n8nBin())) {
	throw new Error(`No provisioned n8n at ${n8nBin()}: run \`npm test\` or \`npx tsx scripts/n8n/provision.ts\` first.`);
}
const describeReal = skip ? describe.skip : describe;
const runTag = `run${Date.now().toString(36)}`;

/** examples/bulk-shorten-rows.json as a user imports it, with its credential pointed at our sandbox. */
function bulkShortenExample(): Record<string, unknown> {
	const example = JSON.parse(readFileSync(join(repoRoot, 'examples/bulk-shorten-rows.json'), 'utf8'));
	const code = example.nodes.find((node: { type: string }) => node.type === 'n8n-nodes-base.code');
	code.parameters.jsCode = code.parameters.jsCode.replace('i <= 250', 'i <= 1000').replace('?ref=newsletter', `?ref=${runTag}`);
	return example;
}

// Starting n8n takes ~20 s; each trigger cycle waits for n8n's one-minute poll.
jest.setTimeout(240_000);

describeReal('n8n-nodes-linkkit in a real n8n', () => {
	let sandbox: RunningSandbox;
	let collector: Collector;
	let n8n: RunningN8n;
	let rest: N8nRest;
	let watched: { id: string; slug: string };
	const api = async (path: string, body: unknown) => {
		const answer = await fetch(`${sandbox.url}${path}`, {
			method: 'POST',
			headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		return (await answer.json()) as { id: string; slug: string };
	};

	beforeAll(async () => {
		sandbox = await startTestSandbox();
		collector = await startCollector();
		// A link with no clicks yet, for the milestone and new-click triggers (their workflows need its ID at import).
		watched = await api('/v1/links', { destination: 'https://example.com/e2e-watched', slug: `watched-${runTag}` });
		const tarball = packPackage(join(repoRoot, 'tmp/n8n-e2e/pack'));
		n8n = await startN8n({
			userFolder: join(repoRoot, 'tmp/n8n-e2e/user'),
			tarball,
			async beforeStart(cli) {
				await cli.importCredentials([{ ...CREDENTIAL, type: 'linkkitApi', data: { apiKey: sandbox.apiKey, baseUrl: sandbox.url } }]);
				await cli.importWorkflows([
					triggerToCollector('newLinks', { event: 'newLink' }, collector.url),
					triggerToCollector('milestone', { event: 'linkClickMilestone', watch: 'link', milestoneLinkId: watched.id, milestone: 3 }, collector.url),
					triggerToCollector('newClicks', { event: 'newClick', clickLinkId: watched.id }, collector.url),
					crudWorkflow('crudEveryResource', runTag),
					bulkShortenExample(),
				]);
				// Published before start, so n8n activates the trigger (its first poll records the mark) as it boots.
				for (const id of ['newLinks', 'milestone', 'newClicks']) {
					const published = await cli.cli(['publish:workflow', `--id=${id}`]);
					if (published.code !== 0) throw new Error(`publish of ${id} failed: ${published.stderr}`);
				}
			},
		});
		rest = new N8nRest(n8n.url);
		await rest.setupOwner();
	}, 240_000);

	afterAll(async () => {
		await n8n?.stop();
		await collector?.stop();
		await sandbox?.stop();
	});

	test('the installed package is the packed tarball and n8n loads its two nodes and one credential without warnings', async () => {
		expect(installedManifest(n8n.userFolder).name).toBe('n8n-nodes-linkkit');
		const nodeTypes = await rest.nodeTypeNames();
		// Two nodes, plus the AI-tool variant n8n derives by itself from the action node's `usableAsTool`.
		expect(nodeTypes.filter((name) => name.startsWith('n8n-nodes-linkkit.')).sort()).toEqual([
			'n8n-nodes-linkkit.linkkit',
			'n8n-nodes-linkkit.linkkitTool',
			'n8n-nodes-linkkit.linkkitTrigger',
		]);
		expect((await rest.credentialTypeNames()).filter((name) => name === 'linkkitApi')).toEqual(['linkkitApi']);
		const linkkitLines = n8n.log().split('\n').filter((line) => /linkkit/i.test(line) && /warn|error|fail/i.test(line));
		expect(linkkitLines).toEqual([]);
	});

	test('credential test: a good key passes, a wrong key shows the credential\'s clear message', async () => {
		expect(await rest.testCredential('linkkitApi', { apiKey: sandbox.apiKey, baseUrl: sandbox.url })).toEqual(
			expect.objectContaining({ status: 'OK' }),
		);
		const bad = await rest.testCredential('linkkitApi', { apiKey: `lk_test_${randomBytes(12).toString('hex')}`, baseUrl: sandbox.url });
		expect(bad.status).toBe('Error');
		expect(bad.message).toMatch(/API key missing or incorrect/);
	});

	test('active triggers emit nothing from history, then each new item once, oldest first, across real polls', async () => {
		// The activation polls ran while n8n booted: the 60 seeded links (and the watched link) are history.
		const first = [];
		for (const n of [1, 2, 3]) first.push(await api('/v1/links', { destination: `https://example.com/e2e-first-${n}` }));
		// Three visits: the watched link reaches the milestone (3 clicks) and makes three click events.
		for (const visitor of ['v1', 'v2', 'v3']) {
			const visit = await fetch(`${sandbox.url}/r/${watched.slug}`, { redirect: 'manual', headers: { 'X-Visitor-Id': visitor, 'X-Country': 'DE' } });
			expect(visit.status).toBe(302);
		}
		const batch1 = (await collector.waitFor('/newLinks', 3, 130_000)) as Array<{ id: string }>;
		expect(batch1.map((item) => item.id)).toEqual(first.map((link) => link.id));
		const clicks = (await collector.waitFor('/newClicks', 3, 70_000)) as Array<{ linkId: string; timestamp: string }>;
		expect(clicks).toHaveLength(3);
		expect(clicks.every((click) => click.linkId === watched.id)).toBe(true);
		expect([...clicks].sort((a, b) => a.timestamp.localeCompare(b.timestamp))).toEqual(clicks);
		const milestones = (await collector.waitFor('/milestone', 1, 70_000)) as Array<{ id: string; milestone: number; clicks: number }>;
		expect(milestones).toEqual([expect.objectContaining({ id: watched.id, milestone: 3, clicks: 3 })]);

		const second = [];
		for (const n of [1, 2]) second.push(await api('/v1/links', { destination: `https://example.com/e2e-second-${n}` }));
		await fetch(`${sandbox.url}/r/${watched.slug}`, { redirect: 'manual', headers: { 'X-Visitor-Id': 'v4' } });
		const all = (await collector.waitFor('/newLinks', 5, 130_000)) as Array<{ id: string }>;
		expect(all.map((item) => item.id)).toEqual([...first, ...second].map((link) => link.id));
		// The fourth click is a new click, but the milestone already fired for this link: no second event.
		// Each active workflow polls on its own second within the minute, so the click trigger may run up to a minute later.
		expect(await collector.waitFor('/newClicks', 4, 75_000)).toHaveLength(4);
		expect(collector.received.get('/milestone')).toHaveLength(1);
		// Up to four poll cycles of one minute each, plus n8n's random second within the minute.
	}, 420_000);

	test('CRUD on every resource, analytics and clicks through the action node in a headless run', async () => {
		const run = await n8n.execute('crudEveryResource');
		expect(run.ok).toBe(true);
		const created = nodeOutput(run.data, 'Create link')[0];
		expect(created).toEqual(expect.objectContaining({ destination: `https://example.com/e2e/${runTag}` }));
		expect(nodeOutput(run.data, 'Get campaign')[0]).toEqual(expect.objectContaining({ name: `E2E ${runTag}` }));
		expect(nodeOutput(run.data, 'Update campaign')[0]).toEqual(expect.objectContaining({ status: 'paused' }));
		expect(nodeOutput(run.data, 'Get link')[0]).toEqual(expect.objectContaining({ id: created.id }));
		expect(nodeOutput(run.data, 'Update link')[0]).toEqual(expect.objectContaining({ title: `E2E ${runTag} (updated)` }));
		expect(nodeOutput(run.data, 'Get many links').map((item) => item.id)).toEqual([created.id]);
		expect(nodeOutput(run.data, 'Get segment')[0]).toEqual(expect.objectContaining({ name: `E2E ${runTag}` }));
		expect(nodeOutput(run.data, 'Update segment')[0]).toEqual(expect.objectContaining({ description: 'updated by e2e' }));
		expect(nodeOutput(run.data, 'Get many segments')).toHaveLength(1);
		expect(nodeOutput(run.data, 'Summary')[0]).toEqual(expect.objectContaining({ clicks: expect.any(Number) }));
		expect(nodeOutput(run.data, 'Timeseries').length).toBeGreaterThan(0);
		expect(nodeOutput(run.data, 'Breakdown').length).toBeGreaterThan(0);
		for (const node of ['Delete link', 'Delete segment', 'Delete campaign']) {
			expect(nodeOutput(run.data, node)[0]).toEqual(expect.objectContaining({ deleted: true }));
		}
		expect(run.output).not.toContain(sandbox.apiKey);
	});

	test('the bulk-shorten example creates 1 000 links exactly once through a rate-limited sandbox', async () => {
		sandbox.setRateLimit(2, 2);
		try {
			const before = sandbox.counts().links;
			const run = await n8n.execute('linkkitBulkShorten');
			expect(run.ok).toBe(true);
			const out = nodeOutput(run.data, 'Create short links');
			expect(out).toHaveLength(1000);
			expect(out.filter((item) => item.error)).toEqual([]);
			expect(new Set(out.map((item) => item.id)).size).toBe(1000);
			expect(sandbox.counts().links - before).toBe(1000);
		} finally {
			sandbox.setRateLimit(50, 100);
		}
	});

	test('neither test output nor n8n\'s log holds the API key', () => {
		expect(n8n.log()).not.toContain(sandbox.apiKey);
		expect(readFileSync(n8n.logFile, 'utf8')).not.toContain(sandbox.apiKey);
	});
});
