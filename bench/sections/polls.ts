/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only benchmark, never shipped in the n8n package */
/**
 * What one poll of the Linkkit Trigger costs as the account grows, for every event, with the trigger's own fields:
 * New Link and Updated Link (whole account: `segment` left empty), New Click (`link`: one link), New Conversion
 * (`conversionType`: lead or sale), New Segment, Click Milestone (`watch`: segment, `milestoneSegment`: a segment of
 * 1 000 links, `milestone`: 1 click). Active in a real n8n against sandboxes seeded with 1 000, 10 000 and 100 000
 * links, under no effective limit, answering without rate-limit headers as Linkkit documents
 * (`LINKKIT_BENCH_POLL_HEADERS=none,full` adds the full set).
 *
 * For each trigger, three polls: the first (n8n runs it when it activates the workflow; it records where things
 * stand), one with nothing new, and the first that could hand on 250 new items of its kind (250 links; 250 links
 * edited; 250 clicks on the watched link; 250 leads; 250 segments; one click on each of 250 of the segment's links):
 * the requests and the time from the first request's arrival to the last answer. Each trigger polls once a minute at
 * its own second (within the first 40). Every figure is from the sandbox's request records; the items each workflow
 * delivered are counted at a collector. New Link and Updated Link both read `GET /v1/links`, so Updated Link runs on
 * a sandbox of its own (same seed) to tell their requests apart. A trigger whose first poll outlasts n8n's
 * publication deadline is never activated (n8n 2.41 gives up after 84 s): the table says so.
 */
import { startCollector, type Collector } from '../../test/n8n-e2e/collector';
import { locator, triggerToCollector } from '../../test/n8n-e2e/workflows';
import type { RequestRecord } from '../../sandbox/stats';
import { startBenchN8n } from '../lib/n8n-bench';
import { startSandboxProcess, type RateLimitHeaderMode, type SandboxProcess } from '../lib/sandbox-process';

export const ACCOUNT_SIZES = (process.env.LINKKIT_BENCH_POLL_SIZES ?? '1000,10000,100000').split(',').map(Number);
export const NEW_ITEMS = 250;
export const POLL_HEADER_MODES = (process.env.LINKKIT_BENCH_POLL_HEADERS ?? 'none').split(',') as RateLimitHeaderMode[];
const SEGMENT_LINKS = 1000;
const NO_LIMIT = 100_000;
const ALL_TRIGGERS = ['newLink', 'updatedLink', 'newClick', 'newConversion', 'newSegment', 'clickMilestone'] as const;
export type Trigger = (typeof ALL_TRIGGERS)[number];
/** Every event; `LINKKIT_BENCH_POLL_TRIGGERS` (comma-separated) narrows it for a quick look. */
export const TRIGGERS: readonly Trigger[] = process.env.LINKKIT_BENCH_POLL_TRIGGERS
	? ALL_TRIGGERS.filter((t) => process.env.LINKKIT_BENCH_POLL_TRIGGERS?.split(',').includes(t))
	: ALL_TRIGGERS;

export type PollKind = 'activation' | 'quiet' | 'new';

export interface PollCost {
	trigger: Trigger;
	headers: RateLimitHeaderMode;
	accountLinks: number;
	/** The first poll (n8n runs it when it activates the workflow; it records where things stand), one with nothing new, one after 250 new items. */
	kind: PollKind;
	newItems: number;
	/** When there was no such poll, why (e.g. n8n gave up activating the workflow). */
	note?: string;
	requests: number;
	ms: number;
	/** Items the workflow delivered in all (after the poll with new items: should be 250). */
	delivered?: number;
	/** What the poll asked for (status, method, path and query, in order; the first and last few). */
	urls: string[];
}

interface Account {
	links: number;
	headers: RateLimitHeaderMode;
	/** Every event but Updated Link. */
	main: SandboxProcess;
	/** Updated Link's own sandbox (same seed). */
	scan: SandboxProcess;
	clickCode: string;
	segmentId: string;
	segmentCodes: string[];
	/** Links of the scan sandbox to edit. */
	editCodes: string[];
}

async function api<T>(sandbox: SandboxProcess, method: string, path: string, body?: unknown, auth = true): Promise<T> {
	const answer = await fetch(`${sandbox.url}${path}`, {
		method,
		headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${sandbox.apiKey}` } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (!answer.ok) throw new Error(`${method} ${path} answered ${answer.status}: ${await answer.text()}`);
	return (await answer.json()) as T;
}

/** Runs `task` over `items`, `width` at a time. */
async function inParallel<T>(items: T[], width: number, task: (item: T, index: number) => Promise<unknown>): Promise<void> {
	let next = 0;
	await Promise.all(Array.from({ length: width }, async () => {
		while (next < items.length) {
			const index = next++;
			await task(items[index], index);
		}
	}));
}

/** Two seeded sandboxes, a link to watch for clicks, a segment of 1 000 links, and 250 links to edit later. */
async function prepareAccount(links: number, headers: RateLimitHeaderMode): Promise<Account> {
	const [main, scan] = await Promise.all([0, 1].map(() => startSandboxProcess({ links, rate: NO_LIMIT, burst: NO_LIMIT, rateLimitHeaders: headers })));
	const clickCode = 'benchclicks';
	await api(main, 'PUT', `/v1/links/${clickCode}`, { original_url: 'https://bench.example.org/poll/clicks' });
	const segment = await api<{ id: string }>(main, 'POST', '/v1/lists', { name: 'Bench milestone segment' });
	const segmentCodes = Array.from({ length: SEGMENT_LINKS }, (_, i) => `benchms${i}`);
	await inParallel(segmentCodes, 8, (code, i) => api(main, 'PUT', `/v1/links/${code}`, { original_url: `https://bench.example.org/poll/milestone/${i}`, list_id: segment.id }));
	const editCodes: string[] = [];
	for (let page = 1; editCodes.length < NEW_ITEMS; page++) {
		const answer = await api<{ data: Array<{ short_code: string }> }>(scan, 'GET', `/v1/links?page=${page}&limit=100`);
		editCodes.push(...answer.data.map((link) => link.short_code));
	}
	await Promise.all([main.admin.clearStats(), scan.admin.clearStats()]);
	return { links, headers, main, scan, clickCode, segmentId: segment.id, segmentCodes, editCodes: editCodes.slice(0, NEW_ITEMS) };
}

const workflowId = (trigger: Trigger, account: { links: number; headers: RateLimitHeaderMode }) => `poll-${trigger}-${account.links}-${account.headers}`;
const credentialOf = (account: Account, sandbox: 'main' | 'scan') => ({ id: `poll-${account.links}-${account.headers}-${sandbox}`, name: `Linkkit ${account.links} ${account.headers} ${sandbox}` });

function parametersOf(trigger: Trigger, account: Account): Record<string, unknown> {
	switch (trigger) {
		case 'newLink':
		case 'updatedLink':
		case 'newSegment':
			return { event: trigger };
		case 'newClick':
			return { event: 'newClick', link: locator('shortCode', account.clickCode) };
		case 'newConversion':
			return { event: 'newConversion', conversionType: 'both' };
		case 'clickMilestone':
			return { event: 'clickMilestone', watch: 'segment', milestoneSegment: locator('id', account.segmentId), milestone: 1 };
	}
}

function workflowsFor(accounts: Account[], collector: Collector): Array<Record<string, unknown>> {
	const flows: Array<Record<string, unknown>> = [];
	const count = accounts.length * TRIGGERS.length;
	accounts.forEach((account, a) =>
		TRIGGERS.forEach((trigger, t) => {
			// Seconds spread over 0..39 of each minute, so polls seldom meet.
			const second = Math.floor(((t * accounts.length + a) * 40) / count);
			const flow = triggerToCollector(workflowId(trigger, account), parametersOf(trigger, account), collector.url) as { nodes: Array<Record<string, unknown>> };
			flow.nodes[0].parameters = { ...(flow.nodes[0].parameters as object), pollTimes: { item: [{ mode: 'custom', cronExpression: `${second} * * * * *` }] } };
			flow.nodes[0].credentials = { linkkitApi: credentialOf(account, trigger === 'updatedLink' ? 'scan' : 'main') };
			flows.push(flow);
		}),
	);
	return flows;
}

/** Which trigger sent a request, by what it read. */
function triggerOf(record: RequestRecord, account: Account, sandbox: 'main' | 'scan'): Trigger | undefined {
	if (record.method !== 'GET') return undefined;
	if (sandbox === 'scan') return record.url.startsWith('/v1/links') ? 'updatedLink' : undefined;
	const path = record.url.split('?')[0];
	if (path === '/v1/lists') return 'newSegment';
	if (path === '/v1/conversions') return 'newConversion';
	if (path === `/v1/analytics/links/${account.clickCode}` || path === `/v1/links/${account.clickCode}`) return 'newClick';
	if (path === '/v1/links') return record.url.includes(`list_id=${account.segmentId}`) ? 'clickMilestone' : 'newLink';
	if (path.startsWith('/v1/analytics/links/') || path.startsWith('/v1/links/')) return 'clickMilestone';
	return undefined;
}

/** One poll's requests follow each other closely (the pacer's slowest start is 3 a second); polls are a minute apart. */
function polls(records: RequestRecord[]): RequestRecord[][] {
	const groups: RequestRecord[][] = [];
	let lastEnd = -Infinity;
	for (const record of [...records].sort((a, b) => a.startMs - b.startMs)) {
		if (groups.length && record.startMs - lastEnd < 5_000) {
			groups[groups.length - 1].push(record);
			lastEnd = Math.max(lastEnd, record.endMs);
		} else {
			groups.push([record]);
			lastEnd = record.endMs;
		}
	}
	return groups;
}

async function pollsByTrigger(account: Account): Promise<Map<Trigger, RequestRecord[][]>> {
	const [main, scan] = await Promise.all([account.main.admin.stats({ records: true }), account.scan.admin.stats({ records: true })]);
	const byTrigger = new Map<Trigger, RequestRecord[][]>();
	for (const trigger of TRIGGERS) {
		const mine = [
			...(main.records ?? []).filter((record) => triggerOf(record, account, 'main') === trigger),
			...(scan.records ?? []).filter((record) => triggerOf(record, account, 'scan') === trigger),
		];
		byTrigger.set(trigger, polls(mine));
	}
	return byTrigger;
}

const lastEndOf = (group: RequestRecord[]) => Math.max(...group.map((r) => r.endMs));

/**
 * Waits until `ready(trigger, account, its polls)` holds for every trigger, and 5 s have passed since any poll's last
 * answer; says every 30 s where the triggers stand. Gives up after `timeoutMs` and returns the triggers still waited
 * for (a trigger n8n did not activate never polls again).
 */
async function waitForPolls(
	accounts: Account[],
	ready: (trigger: Trigger, account: Account, groups: RequestRecord[][]) => boolean,
	timeoutMs: number,
	what: string,
	log: (line: string) => void,
): Promise<string[]> {
	const deadline = Date.now() + timeoutMs;
	let nextReport = Date.now() + 30_000;
	for (;;) {
		const states = await Promise.all(
			accounts.map(async (account) => {
				const byTrigger = await pollsByTrigger(account);
				return TRIGGERS.map((trigger) => {
					const groups = byTrigger.get(trigger) ?? [];
					const last = groups[groups.length - 1];
					const done = ready(trigger, account, groups) && (!last || Date.now() - lastEndOf(last) > 5_000);
					const lastPoll = last ? `${last.length} req/${Math.round((lastEndOf(last) - last[0].startMs) / 1000)} s` : 'none';
					return { done, note: `${trigger}@${account.links}/${account.headers}: ${groups.length} polls, last ${lastPoll}` };
				});
			}),
		);
		if (states.flat().every((state) => state.done)) return [];
		if (Date.now() > deadline) {
			const late = states.flat().filter((state) => !state.done).map((state) => state.note);
			log(`    gave up waiting after ${timeoutMs / 1000} s for: ${late.join('; ')}`);
			return late;
		}
		if (Date.now() > nextReport) {
			nextReport += 30_000;
			const waiting = states.flat().filter((state) => !state.done);
			log(`    still waiting for ${waiting.length} trigger(s) to ${what}: ${waiting.slice(0, 6).map((state) => state.note).join('; ')}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 2000));
	}
}

/** When each kind of new item was being added (epoch ms), per trigger. */
type Added = Record<Trigger, { start: number; done: number }>;

async function timed(task: () => Promise<unknown>): Promise<{ start: number; done: number }> {
	const start = Date.now();
	await task();
	return { start, done: Date.now() };
}

/** 250 new items of each trigger's kind. */
async function addNewItems(account: Account): Promise<Added> {
	const { main, scan } = account;
	const count = Array.from({ length: NEW_ITEMS }, (_, i) => i);
	return {
		newLink: await timed(() => api(main, 'POST', '/v1/links/bulk', { links: count.map((i) => ({ original_url: `https://bench.example.org/poll/new/${i}` })) })),
		updatedLink: await timed(() => inParallel(account.editCodes, 8, (code) => api(scan, 'PATCH', `/v1/links/${code}`, { title: 'Edited by the bench' }))),
		newClick: await timed(() => api(main, 'POST', '/__sandbox/clicks', { short_code: account.clickCode, count: NEW_ITEMS }, false)),
		newConversion: await timed(() => inParallel(count, 8, (i) => api(main, 'POST', '/track/lead', { publishable_key: main.publishableKey, customer_external_id: `bench-${i}` }, false))),
		newSegment: await timed(() => inParallel(count, 8, (i) => api(main, 'POST', '/v1/lists', { name: `Bench segment ${i}` }))),
		clickMilestone: await timed(() => inParallel(account.segmentCodes.slice(0, NEW_ITEMS), 8, (code) => api(main, 'POST', '/__sandbox/clicks', { short_code: code, count: 1 }, false))),
	};
}

/** The trigger's settle time (core/settle.ts) and a margin: a poll this long after the last new item can hand them all on. */
const SETTLED_AFTER_MS = 13_000;

const cost = (group: RequestRecord[] | undefined) => {
	if (!group) return { requests: 0, ms: 0, urls: [] };
	const urls = group.map((r) => `${r.status} ${r.method} ${r.url}`);
	return {
		requests: group.length,
		ms: Math.max(...group.map((r) => r.endMs)) - Math.min(...group.map((r) => r.startMs)),
		urls: urls.length > 8 ? [...urls.slice(0, 4), `… ${urls.length - 6} more …`, ...urls.slice(-2)] : urls,
	};
};

export async function runPolls(tarball: string, log: (line: string) => void): Promise<PollCost[]> {
	const collector = await startCollector();
	const accounts: Account[] = [];
	try {
		for (const links of ACCOUNT_SIZES) {
			for (const headers of POLL_HEADER_MODES) {
				log(`  seeding a ${links.toLocaleString('en')}-link account (headers ${headers})`);
				accounts.push(await prepareAccount(links, headers));
			}
		}
		const credentials = accounts.flatMap((account) =>
			(['main', 'scan'] as const).map((which) => ({ ...credentialOf(account, which), type: 'linkkitApi', data: { apiKey: account[which].apiKey, baseUrl: account[which].url } })),
		);
		const bench = await startBenchN8n({ name: 'polls', tarball, credentials, workflows: workflowsFor(accounts, collector), publishVia: 'database' });
		const added = new Map<Account, Added>();
		try {
			// Activation (at boot) records the mark; the next minute's poll finds nothing new.
			log('  waiting for the activation poll and one poll with nothing new');
			await waitForPolls(accounts, (_t, _a, groups) => groups.length >= 2, 200_000, 'poll twice', log);
			const addedAt = Date.now();
			await Promise.all(accounts.map(async (account) => added.set(account, await addNewItems(account))));
			log(`  ${NEW_ITEMS} new items of each kind added in ${Math.round((Date.now() - addedAt) / 1000)} s; waiting for each trigger's next poll once they are settled`);
			await waitForPolls(
				accounts,
				(trigger, account, groups) => groups.some((group) => group[0].startMs >= (added.get(account)?.[trigger].done ?? Infinity) + SETTLED_AFTER_MS),
				200_000,
				'poll after the new items',
				log,
			);
			const deliveredBy = Date.now() + 60_000;
			for (const account of accounts) {
				for (const trigger of TRIGGERS) await collector.waitFor(`/${workflowId(trigger, account)}`, NEW_ITEMS, Math.max(0, deliveredBy - Date.now()));
			}
		} finally {
			await bench.stop();
		}
		const costs: PollCost[] = [];
		for (const account of accounts) {
			const byTrigger = await pollsByTrigger(account);
			for (const trigger of TRIGGERS) {
				const groups = byTrigger.get(trigger) ?? [];
				const kind = added.get(account)?.[trigger];
				// The quiet poll: the last before anything was added (not the activation's); the busy one: the first that could hand on every new item.
				const quiet = groups.slice(1).filter((group) => lastEndOf(group) < (kind?.start ?? 0)).pop();
				const busy = groups.find((group) => group[0].startMs >= (kind?.done ?? Infinity) + SETTLED_AFTER_MS);
				const delivered = collector.received.get(`/${workflowId(trigger, account)}`)?.length ?? 0;
				const base = { trigger, headers: account.headers, accountLinks: account.links };
				const missing = groups.length < 2 ? 'no poll after the first: n8n did not finish activating the workflow' : 'no such poll in time';
				costs.push({ ...base, kind: 'activation', newItems: 0, ...cost(groups[0]) });
				costs.push({ ...base, kind: 'quiet', newItems: 0, ...cost(quiet), ...(quiet ? {} : { note: missing }) });
				costs.push({ ...base, kind: 'new', newItems: NEW_ITEMS, ...cost(busy), delivered, ...(busy ? {} : { note: missing }) });
			}
		}
		return costs;
	} finally {
		await collector.stop();
		for (const account of accounts) await Promise.all([account.main.stop(), account.scan.stop()]);
	}
}

/** Per trigger, header mode and poll kind: the cost at each account size, and the largest account's time over the smallest's (1 = flat). */
export function pollTableRows(costs: PollCost[]): Array<Array<string | number>> {
	const rows: Array<Array<string | number>> = [];
	const label: Record<PollKind, string> = { activation: 'first (activation)', quiet: '0 new', new: `${NEW_ITEMS} new` };
	for (const trigger of TRIGGERS) {
		for (const headers of POLL_HEADER_MODES) {
			for (const kind of ['activation', 'quiet', 'new'] as PollKind[]) {
				const cells = ACCOUNT_SIZES.map((links) => costs.find((c) => c.trigger === trigger && c.headers === headers && c.accountLinks === links && c.kind === kind));
				const ms = cells.map((c) => (c?.note ? 0 : (c?.ms ?? 0)));
				rows.push([
					trigger,
					...(POLL_HEADER_MODES.length > 1 ? [headers] : []),
					label[kind],
					...cells.map((c) =>
						!c ? '–' : c.note ? `– (${c.note})` : `${c.requests} req, ${c.ms.toLocaleString('en')} ms${c.delivered !== undefined ? `, ${c.delivered} delivered` : ''}`,
					),
					ms[0] && ms[ms.length - 1] ? (ms[ms.length - 1] / ms[0]).toFixed(1) : '–',
				]);
			}
		}
	}
	return rows;
}
