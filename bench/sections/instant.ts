/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only benchmark, never shipped in the n8n package */
/**
 * Instant (webhook) vs polling Linkkit trigger in one real n8n 2.41.1, each against its own sandbox process:
 *
 * - latency: links are created in both sandboxes at the same moments, spread over several minutes (so they fall at
 *   different points of the poll minute); for each link, the time from its creation (Linkkit's `created_at`) to the
 *   start of the n8n execution that handed it on (`startedAt`), for Linkkit Instant Trigger (New Link) and for Linkkit
 *   Trigger (New Link) polling every minute, n8n's shortest schedule. Also: event → n8n answered the delivery;
 * - requests to Linkkit while the account is quiet, counted by each sandbox over a quiet window and scaled to an
 *   hour: the instant trigger with all four events against the polling New Link, New Click (one link) and Updated
 *   Link (an account of `updatedLinkAccount` links);
 * - what events cost the instant trigger: New Link, Updated Link, Deleted Link nothing; New Click one read of the
 *   clicked link per click (counted for `clicks` clicks).
 *
 * Run on its own: `npx tsx bench/sections/instant.ts [--events 6] [--spacing-s 23] [--quiet-min 5]` (after
 * `npm run build`), or from bench/run.ts (see `runInstant` and the two table helpers).
 */
import { parseArgs } from 'node:util';

import { N8nRest } from '../../scripts/n8n/rest';
import { startCollector, type Collector } from '../../test/n8n-e2e/collector';
import { ALL_EVENTS, instantToCollector } from '../../test/n8n-e2e/instant-workflows';
import { locator, triggerToCollector } from '../../test/n8n-e2e/workflows';
import { buildTarball, linkkitCredential, startBenchN8n } from '../lib/n8n-bench';
import { markdownTable } from '../lib/report';
import { startSandboxProcess, type SandboxProcess } from '../lib/sandbox-process';
import type { RequestRecord } from '../../sandbox/stats';

export interface InstantOptions {
	/** Links created in each account (default 6). */
	events?: number;
	/** Time between two of them (default 23 s, so they fall at different points of the poll minute). */
	spacingMs?: number;
	/** The quiet window requests are counted over (default 5 minutes). */
	quietMs?: number;
	/** Clicks on one link in the instant account, to count what New Click costs (default 5). */
	clicks?: number;
	/** Links in the account the polling Updated Link watches (default 1 000). */
	updatedLinkAccount?: number;
}

export interface Spread {
	n: number;
	minMs: number;
	medianMs: number;
	p95Ms: number;
	maxMs: number;
}

export interface InstantBenchResult {
	events: number;
	latency: {
		/** Link created → the instant trigger's execution started. */
		instant: Spread;
		/** Link created → Linkkit had n8n's answer to the delivery. */
		instantAnswered: Spread;
		/** Link created → the polling trigger's execution (every minute) started. */
		polling: Spread;
	};
	quiet: {
		minutes: number;
		/** Requests to Linkkit during the quiet window, and per hour. */
		requests: Record<QuietTrigger, number>;
		perHour: Record<QuietTrigger, number>;
		updatedLinkAccount: number;
	};
	/** What the instant trigger sent to Linkkit: once at activation, and per click. */
	instantCost: { subscribeRequests: number; clicks: number; requestsForClicks: number };
}

type QuietTrigger = 'instant (4 events)' | 'polling New Link' | 'polling New Click (1 link)' | 'polling Updated Link';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function spread(values: number[]): Spread {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
	return { n: sorted.length, minMs: sorted[0] ?? 0, medianMs: at(0.5), p95Ms: at(0.95), maxMs: sorted[sorted.length - 1] ?? 0 };
}

async function call<T>(sandbox: SandboxProcess, method: string, path: string, body?: unknown): Promise<T> {
	const answer = await fetch(`${sandbox.url}${path}`, {
		method,
		headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!answer.ok) throw new Error(`${method} ${path} answered ${answer.status}: ${await answer.text()}`);
	return (await answer.json()) as T;
}

const admin = async <T>(sandbox: SandboxProcess, path: string): Promise<T> => ((await (await fetch(`${sandbox.url}${path}`)).json()) as { data: T }).data;

async function records(sandbox: SandboxProcess): Promise<RequestRecord[]> {
	return (await sandbox.admin.stats({ records: true })).records ?? [];
}

interface Execution {
	id: string;
	startedAt: string | null;
	status: string;
}

async function executions(rest: N8nRest, workflowId: string): Promise<Execution[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const answer = await rest.call<{ results: Execution[] }>('GET', `/rest/executions?filter=${filter}&limit=100`);
	return answer.body.results ?? [];
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
		await sleep(500);
	}
}

export async function runInstant(tarball: string, log: (line: string) => void, options: InstantOptions = {}): Promise<InstantBenchResult> {
	const events = options.events ?? 6;
	const spacingMs = options.spacingMs ?? 23_000;
	const quietMs = options.quietMs ?? 5 * 60_000;
	const clicks = options.clicks ?? 5;
	const updatedLinkAccount = options.updatedLinkAccount ?? 1_000;
	const collector: Collector = await startCollector();
	const [instantAccount, pollingAccount, updatedAccount] = await Promise.all([
		startSandboxProcess({ links: 100, rate: 1000, burst: 1000 }),
		startSandboxProcess({ links: 100, rate: 1000, burst: 1000 }),
		startSandboxProcess({ links: updatedLinkAccount, rate: 1000, burst: 1000 }),
	]);
	const accounts = [instantAccount, pollingAccount, updatedAccount];
	try {
		const watched = 'bench-watched';
		await call(pollingAccount, 'PUT', `/v1/links/${watched}`, { original_url: 'https://bench.example.org/watched' });
		const credentials = [linkkitCredential(instantAccount, 'bench-instant'), linkkitCredential(pollingAccount, 'bench-polling'), linkkitCredential(updatedAccount, 'bench-updated')];
		const withCredential = (flow: Record<string, unknown>, id: string) => {
			(flow as { nodes: Array<Record<string, unknown>> }).nodes[0].credentials = { linkkitApi: { id, name: `Linkkit ${id}` } };
			return flow;
		};
		const workflows = [
			withCredential(instantToCollector('benchInstant', { events: ALL_EVENTS }, collector.url), 'bench-instant'),
			withCredential(triggerToCollector('benchPollLinks', { event: 'newLink' }, collector.url, '={{ JSON.stringify({ execution: $execution.id, item: $json }) }}'), 'bench-polling'),
			withCredential(triggerToCollector('benchPollClicks', { event: 'newClick', link: locator('shortCode', watched) }, collector.url), 'bench-polling'),
			withCredential(triggerToCollector('benchPollUpdated', { event: 'updatedLink' }, collector.url), 'bench-updated'),
		];
		const bench = await startBenchN8n({ name: 'instant', tarball, credentials, workflows });
		try {
			const rest = new N8nRest(bench.n8n.url);
			await rest.setupOwner();
			log('  waiting for the activation: 4 subscriptions, each polling trigger\'s first check');
			await until(async () => (await admin<unknown[]>(instantAccount, '/__sandbox/hooks')).length === 4, 120_000, 'The instant trigger\'s subscriptions');
			await until(
				async () => (await records(pollingAccount)).some((r) => r.url.startsWith('/v1/analytics/links/')) && (await records(updatedAccount)).some((r) => r.url.startsWith('/v1/links')),
				150_000,
				'The polling triggers\' first checks',
			);
			const subscribeRequests = (await records(instantAccount)).filter((r) => r.method === 'POST' && r.url === '/v1/hooks').length;

			log(`  quiet account: counting requests for ${quietMs / 60_000} minutes`);
			await Promise.all(accounts.map((account) => account.admin.clearStats()));
			await sleep(quietMs);
			const [quietInstant, quietPolling, quietUpdated] = await Promise.all(accounts.map(records));
			const requests: Record<QuietTrigger, number> = {
				'instant (4 events)': quietInstant.length,
				'polling New Link': quietPolling.filter((r) => r.url.startsWith('/v1/links')).length,
				'polling New Click (1 link)': quietPolling.filter((r) => r.url.startsWith('/v1/analytics/links/')).length,
				'polling Updated Link': quietUpdated.filter((r) => r.url.startsWith('/v1/links')).length,
			};
			const perHour = Object.fromEntries(Object.entries(requests).map(([k, v]) => [k, Math.round((v * 3_600_000) / quietMs)])) as Record<QuietTrigger, number>;

			log(`  ${events} links in each account, ${spacingMs / 1000} s apart`);
			const created: Array<{ instant: { id: string; created_at: string }; polling: { id: string; created_at: string } }> = [];
			for (let i = 0; i < events; i++) {
				if (i > 0) await sleep(spacingMs);
				const [instant, polling] = await Promise.all([
					call<{ id: string; created_at: string }>(instantAccount, 'POST', '/v1/links', { original_url: `https://bench.example.org/instant/${i}` }),
					call<{ id: string; created_at: string }>(pollingAccount, 'POST', '/v1/links', { original_url: `https://bench.example.org/polling/${i}` }),
				]);
				created.push({ instant, polling });
			}
			log('  waiting for both triggers to hand every link on (polling: up to 72 s after the last)');
			const received = (path: string) => (collector.received.get(path) ?? []) as Array<{ execution: string; item: { id: string } }>;
			await until(async () => received('/benchInstant').length >= events && received('/benchPollLinks').length >= events, 180_000, 'Handing on every link');
			const started = new Map<string, number>();
			for (const workflowId of ['benchInstant', 'benchPollLinks']) {
				for (const execution of await executions(rest, workflowId)) if (execution.startedAt) started.set(`${workflowId}:${execution.id}`, Date.parse(execution.startedAt));
			}
			const latency = (workflowId: string, link: { id: string; created_at: string }) => {
				const entry = received(`/${workflowId}`).find((e) => e.item.id === link.id);
				const at = entry ? started.get(`${workflowId}:${entry.execution}`) : undefined;
				if (at === undefined) throw new Error(`No execution of ${workflowId} handed on link ${link.id}`);
				return at - Date.parse(link.created_at);
			};
			const deliveries = await admin<Array<{ payload: { data: { id: string } }; attempts: Array<{ at: string; duration_ms: number; status: number | null }> }>>(instantAccount, '/__sandbox/deliveries?event=link.created');
			const answered = created.map(({ instant }) => {
				const delivery = deliveries.find((d) => d.payload.data.id === instant.id);
				const first = delivery?.attempts[0];
				if (!first) throw new Error(`No delivery of link ${instant.id}`);
				return Date.parse(first.at) + first.duration_ms - Date.parse(instant.created_at);
			});

			log(`  ${clicks} clicks on one link of the instant account`);
			await instantAccount.admin.clearStats();
			const clicked = await call<{ short_code: string }>(instantAccount, 'POST', '/v1/links', { original_url: 'https://bench.example.org/clicked' });
			for (let i = 0; i < clicks; i++) await fetch(`${instantAccount.url}/r/${clicked.short_code}`, { redirect: 'manual' });
			await until(async () => received('/benchInstant').length >= events + 1 + clicks, 60_000, 'Handing on the clicks');
			await sleep(3_000);
			const requestsForClicks = (await records(instantAccount)).filter((r) => r.method === 'GET' && r.url.startsWith('/v1/links/')).length;

			return {
				events,
				latency: {
					instant: spread(created.map(({ instant }) => latency('benchInstant', instant))),
					instantAnswered: spread(answered),
					polling: spread(created.map(({ polling }) => latency('benchPollLinks', polling))),
				},
				quiet: { minutes: quietMs / 60_000, requests, perHour, updatedLinkAccount },
				instantCost: { subscribeRequests, clicks, requestsForClicks },
			};
		} finally {
			await bench.stop();
		}
	} finally {
		await collector.stop();
		await Promise.all(accounts.map((account) => account.stop()));
	}
}

const seconds = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms / 1000)} s`);

export const INSTANT_LATENCY_HEADER = ['New Link', 'links', 'min', 'median', 'p95', 'max'];

export function instantLatencyRows(result: InstantBenchResult): Array<Array<string | number>> {
	const row = (name: string, s: Spread) => [name, s.n, seconds(s.minMs), seconds(s.medianMs), seconds(s.p95Ms), seconds(s.maxMs)];
	return [
		row('instant: created → execution started', result.latency.instant),
		row('instant: created → n8n answered the delivery', result.latency.instantAnswered),
		row('polling every minute: created → execution started', result.latency.polling),
	];
}

export const INSTANT_REQUESTS_HEADER = ['quiet account', 'requests in the window', 'per hour'];

export function instantRequestRows(result: InstantBenchResult): Array<Array<string | number>> {
	return Object.entries(result.quiet.requests).map(([trigger, count]) => [
		trigger === 'polling Updated Link' ? `${trigger} (${result.quiet.updatedLinkAccount.toLocaleString('en')} links)` : trigger,
		`${count} in ${result.quiet.minutes} min`,
		result.quiet.perHour[trigger as QuietTrigger],
	]);
}

if (require.main === module) {
	const { values } = parseArgs({
		options: { events: { type: 'string', default: '6' }, 'spacing-s': { type: 'string', default: '23' }, 'quiet-min': { type: 'string', default: '5' } },
	});
	void (async () => {
		const result = await runInstant(buildTarball(), console.log, {
			events: Number(values.events),
			spacingMs: Number(values['spacing-s']) * 1000,
			quietMs: Number(values['quiet-min']) * 60_000,
		});
		console.log(`\n${markdownTable(INSTANT_LATENCY_HEADER, instantLatencyRows(result))}\n\n${markdownTable(INSTANT_REQUESTS_HEADER, instantRequestRows(result))}`);
		console.log(
			`\nInstant trigger's own requests: ${result.instantCost.subscribeRequests} at activation (one per event); ` +
				`${result.instantCost.requestsForClicks} for ${result.instantCost.clicks} clicks (New Click reads the clicked link)`,
		);
		console.log(JSON.stringify(result));
		process.exit(0);
	})().catch((error: unknown) => {
		console.error(error);
		process.exit(1);
	});
}
