/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only benchmark, never shipped in the n8n package */
/**
 * What one poll of the Linkkit Trigger costs as the account grows: New Link, New Click and Link Click Milestone
 * (every link of a 1 000-link campaign, milestone 1 click) active in a real n8n against sandboxes seeded with
 * 1 000, 10 000 and 100 000 links, polled by n8n every minute. For each: the requests and the time one poll took
 * with nothing new, then with 250 new items (250 links; 250 clicks, each on a different campaign link). The target
 * is a flat line in account size. Every figure is from the sandbox's request records; the items each workflow
 * delivered are counted at a collector.
 */
import { startCollector, type Collector } from '../../test/n8n-e2e/collector';
import { triggerToCollector } from '../../test/n8n-e2e/workflows';
import { linkkitCredential, startBenchN8n } from '../lib/n8n-bench';
import { startSandboxProcess, type SandboxProcess } from '../lib/sandbox-process';
import type { RequestRecord } from '../../sandbox/stats';

export const ACCOUNT_SIZES = [1_000, 10_000, 100_000];
export const NEW_ITEMS = 250;
const CAMPAIGN_LINKS = 1000;
type Trigger = 'newLink' | 'newClick' | 'milestone';
const TRIGGERS: Trigger[] = ['newLink', 'newClick', 'milestone'];

export interface PollCost {
	trigger: Trigger;
	accountLinks: number;
	newItems: number;
	requests: number;
	ms: number;
	/** Items the workflow delivered in all (after the 250-new poll: should be 250). */
	delivered?: number;
	/** What the poll asked for (method, path and query, in order). */
	urls: string[];
}

interface Account {
	links: number;
	sandbox: SandboxProcess;
	campaignId: string;
	campaignSlugs: string[];
}

async function api<T>(account: { sandbox: SandboxProcess }, path: string, body: unknown): Promise<T> {
	const answer = await fetch(`${account.sandbox.url}${path}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${account.sandbox.apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (!answer.ok) throw new Error(`POST ${path} answered ${answer.status}: ${await answer.text()}`);
	return (await answer.json()) as T;
}

async function bulkCreate(account: { sandbox: SandboxProcess }, links: Array<Record<string, unknown>>): Promise<Array<{ slug: string }>> {
	const created: Array<{ slug: string }> = [];
	for (let start = 0; start < links.length; start += 100) {
		const answer = await api<{ data: Array<{ link?: { slug: string } }> }>(account, '/v1/links/bulk', { links: links.slice(start, start + 100) });
		for (const entry of answer.data) if (entry.link) created.push(entry.link);
	}
	return created;
}

/** A seeded account plus a campaign of 1 000 links without clicks (the milestone trigger's watch list). */
async function prepareAccount(links: number): Promise<Account> {
	const sandbox = await startSandboxProcess({ links, rate: 1000, burst: 1000 });
	const campaign = await api<{ id: string }>({ sandbox }, '/v1/campaigns', { name: 'Bench milestone campaign' });
	const created = await bulkCreate(
		{ sandbox },
		Array.from({ length: CAMPAIGN_LINKS }, (_, i) => ({ destination: `https://bench.example.org/milestone/${i}`, campaignId: campaign.id })),
	);
	return { links, sandbox, campaignId: campaign.id, campaignSlugs: created.map((link) => link.slug) };
}

const workflowId = (trigger: Trigger, links: number) => `poll-${trigger}-${links}`;

function workflowsFor(account: Account, collector: Collector): Array<Record<string, unknown>> {
	const parameters: Record<Trigger, Record<string, unknown>> = {
		newLink: { event: 'newLink' },
		newClick: { event: 'newClick' },
		milestone: { event: 'linkClickMilestone', watch: 'campaign', milestoneCampaignId: account.campaignId, milestone: 1 },
	};
	const credential = { id: `bench-${account.links}`, name: `Linkkit bench-${account.links}` };
	return TRIGGERS.map((trigger) => {
		const flow = triggerToCollector(workflowId(trigger, account.links), parameters[trigger], collector.url) as { nodes: Array<Record<string, unknown>> };
		flow.nodes[0].credentials = { linkkitApi: credential };
		return flow;
	});
}

/** Which trigger sent a request: the clicks feed, the campaign's links (milestone), or the links feed. */
function triggerOf(record: RequestRecord, campaignId: string): Trigger | undefined {
	if (record.method !== 'GET') return undefined;
	if (record.url.startsWith('/v1/analytics/clicks')) return 'newClick';
	if (record.url.startsWith('/v1/links')) return record.url.includes(campaignId) ? 'milestone' : 'newLink';
	return undefined;
}

/** One poll's requests follow each other closely; polls are a minute apart. */
function polls(records: RequestRecord[]): RequestRecord[][] {
	const groups: RequestRecord[][] = [];
	for (const record of [...records].sort((a, b) => a.startMs - b.startMs)) {
		const last = groups[groups.length - 1];
		if (last && record.startMs - Math.max(...last.map((r) => r.endMs)) < 8_000) last.push(record);
		else groups.push([record]);
	}
	return groups;
}

async function pollsByTrigger(account: Account): Promise<Map<Trigger, RequestRecord[][]>> {
	const { records = [] } = await account.sandbox.admin.stats({ records: true });
	const byTrigger = new Map<Trigger, RequestRecord[][]>();
	for (const trigger of TRIGGERS) byTrigger.set(trigger, polls(records.filter((record) => triggerOf(record, account.campaignId) === trigger)));
	return byTrigger;
}

async function waitForPolls(accounts: Account[], count: number, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const counts = await Promise.all(accounts.map(async (account) => [...(await pollsByTrigger(account)).values()].map((groups) => groups.length)));
		if (counts.flat().every((n) => n >= count)) return;
		if (Date.now() > deadline) throw new Error(`Triggers did not poll ${count} times within ${timeoutMs / 1000} s: ${JSON.stringify(counts)}`);
		await new Promise((resolve) => setTimeout(resolve, 2000));
	}
}

/** 250 new links, and one click on each of 250 campaign links (250 new clicks, 250 links reaching the milestone). */
async function addNewItems(account: Account): Promise<void> {
	await bulkCreate(account, Array.from({ length: NEW_ITEMS }, (_, i) => ({ destination: `https://bench.example.org/poll-new/${i}` })));
	for (const slug of account.campaignSlugs.slice(0, NEW_ITEMS)) {
		const visit = await fetch(`${account.sandbox.url}/r/${slug}`, { redirect: 'manual', headers: { 'X-Visitor-Id': `bench-${slug}`, 'X-Country': 'DE' } });
		if (visit.status !== 302) throw new Error(`visit of /r/${slug} answered ${visit.status}`);
	}
}

const cost = (group: RequestRecord[] | undefined) =>
	group
		? {
				requests: group.length,
				ms: Math.max(...group.map((r) => r.endMs)) - Math.min(...group.map((r) => r.startMs)),
				urls: group.map((r) => `${r.status} ${r.method} ${r.url}`),
			}
		: { requests: 0, ms: 0, urls: [] };

export async function runPolls(tarball: string, log: (line: string) => void): Promise<PollCost[]> {
	const collector = await startCollector();
	const accounts: Account[] = [];
	try {
		for (const links of ACCOUNT_SIZES) {
			log(`  seeding a ${links}-link account`);
			accounts.push(await prepareAccount(links));
		}
		const bench = await startBenchN8n({
			name: 'polls',
			tarball,
			credentials: accounts.map((account) => linkkitCredential(account.sandbox, `bench-${account.links}`)),
			workflows: accounts.flatMap((account) => workflowsFor(account, collector)),
		});
		try {
			// Activation (at boot) records the mark; the first minute's poll finds nothing new.
			log('  waiting for the activation poll and one poll with nothing new');
			await waitForPolls(accounts, 2, 200_000);
			for (const account of accounts) await addNewItems(account);
			log(`  ${NEW_ITEMS} new items added; waiting for the next poll`);
			await waitForPolls(accounts, 3, 200_000);
			for (const account of accounts) {
				for (const trigger of TRIGGERS) await collector.waitFor(`/${workflowId(trigger, account.links)}`, NEW_ITEMS, 60_000);
			}
		} finally {
			await bench.stop();
		}
		const costs: PollCost[] = [];
		for (const account of accounts) {
			const byTrigger = await pollsByTrigger(account);
			for (const trigger of TRIGGERS) {
				const groups = byTrigger.get(trigger) ?? [];
				const delivered = collector.received.get(`/${workflowId(trigger, account.links)}`)?.length ?? 0;
				costs.push({ trigger, accountLinks: account.links, newItems: 0, ...cost(groups[1]) });
				costs.push({ trigger, accountLinks: account.links, newItems: NEW_ITEMS, ...cost(groups[2]), delivered });
			}
		}
		return costs;
	} finally {
		await collector.stop();
		for (const account of accounts) await account.sandbox.stop();
	}
}

/** Per trigger and poll kind: cost at each account size, and the largest account's time over the smallest's (1 = flat). */
export function pollTableRows(costs: PollCost[]): Array<Array<string | number>> {
	const rows: Array<Array<string | number>> = [];
	for (const trigger of TRIGGERS) {
		for (const newItems of [0, NEW_ITEMS]) {
			const cells = ACCOUNT_SIZES.map((links) => costs.find((c) => c.trigger === trigger && c.accountLinks === links && c.newItems === newItems));
			const ms = cells.map((c) => c?.ms ?? 0);
			rows.push([
				trigger,
				newItems,
				...cells.map((c) => (c ? `${c.requests} req, ${c.ms} ms${c.delivered !== undefined ? `, ${c.delivered} delivered` : ''}` : '–')),
				ms[0] ? (ms[ms.length - 1] / ms[0]).toFixed(1) : '–',
			]);
		}
	}
	return rows;
}
