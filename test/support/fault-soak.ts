/**
 * The fault soak, shared by the small run in the real-n8n suites (test/n8n-e2e/faults-and-restart.test.ts) and the
 * full-size `npm run soak` (bench/soak.ts): items created through the n8n node while the sandbox injects a mix of
 * faults — a fifth of all requests, including ones that change data and then lose or spoil the answer — counted
 * afterwards from the sandbox's own records:
 *  - lost: an item with no link in the sandbox and no error reported on it;
 *  - duplicated: links beyond the first for one item;
 *  - wrong output: a success whose output is not the item's link (Create: the link read back by its short code must
 *    be the item's; Create Many: the row must say `created` for the item's URL);
 *  - failed: an item reported as an error (each must be on its own item, with a message that says what happened).
 */
import type { FaultConfig, FaultStep } from '../../sandbox';
import { realClient } from './fetch-port';
import { CREDENTIAL, workflow, type NodeJson } from '../n8n-e2e/workflows';

/** A fifth of all /v1 requests faulted, each kind drawn independently (so a retry can be faulted again). */
export const SOAK_FAULTS: Partial<FaultConfig> = {
	commitDrop: 0.05,
	commit500: 0.04,
	drop: 0.03,
	rate: 0.04,
	html: 0.02,
	stall: 0.02,
	// Held longer than any client waits, not so long that a stopped sandbox keeps sockets around.
	stallMs: 60_000,
};

/** Faults off again (and the scripted queue emptied). */
export const NO_SOAK_FAULTS: Partial<FaultConfig> = { commitDrop: 0, commit500: 0, drop: 0, rate: 0, html: 0, stall: 0, next: [] };

/** Bulk creates are few requests: script faults onto the first ones so every soak meets them. */
export const SOAK_BULK_SCRIPT: FaultStep[] = [
	{ kind: 'commit-drop', match: 'POST /v1/links/bulk' },
	{ kind: 'commit-500', match: 'POST /v1/links/bulk' },
	{ kind: 'stall', match: 'POST /v1/links/bulk' },
];

/** Per-request timeout for soak clients: a stalled request costs this long. */
export const SOAK_TIMEOUT_SECONDS = 2;
/** Rows per bulk request in the soak, so that a soak of a few hundred items sends several (and meets the script). */
export const SOAK_BATCH_SIZE = 25;

export function soakPrefix(run: string, channel: string): string {
	return `https://soak.example.com/${run}/${channel}/`;
}

export function soakDestination(run: string, channel: string, index: number): string {
	return `${soakPrefix(run, channel)}${index}`;
}

/** What the client under test reported for one item. */
export interface ItemOutcome {
	/** The link's short code the output names (Create). */
	code?: string;
	/** The destination the output names. */
	destination?: string;
	/** Create Many: the row's status (`created`; anything else is reported as `error`). */
	status?: string;
	/** The message the item's error carries, or why a row was not created (failure). */
	error?: string;
}

export interface SoakCount {
	items: number;
	/** Items with exactly one link. */
	created: number;
	lost: number;
	duplicated: number;
	wrongOutput: number;
	failed: number;
	/** Failed items whose link exists anyway (an honest "outcome unknown"). */
	failedButCreated: number;
	failures: Array<{ index: number; message: string }>;
}

/** Links per destination under the soak channel's prefix, from the sandbox's own store. */
export async function linksByDestination(sandboxUrl: string, prefix: string): Promise<Record<string, number>> {
	const stats = await fetch(`${sandboxUrl}/__sandbox/stats?destinationPrefix=${encodeURIComponent(prefix)}`);
	return ((await stats.json()) as { linksByDestination: Record<string, number> }).linksByDestination;
}

/**
 * Counts a soak channel from the sandbox's records (`/__sandbox/stats?destinationPrefix=`, then each Create
 * success's link by its short code). `outcomes[i]` is what the client reported for item i (undefined: nothing).
 */
export async function countSoak(
	sandbox: { url: string; apiKey: string },
	run: string,
	channel: string,
	outcomes: Array<ItemOutcome | undefined>,
): Promise<SoakCount> {
	const byDestination = await linksByDestination(sandbox.url, soakPrefix(run, channel));
	const { client } = realClient(sandbox.url, sandbox.apiKey, { maxRetries: 10 });
	const count: SoakCount = { items: outcomes.length, created: 0, lost: 0, duplicated: 0, wrongOutput: 0, failed: 0, failedButCreated: 0, failures: [] };
	for (const [index, outcome] of outcomes.entries()) {
		const destination = soakDestination(run, channel, index);
		const links = byDestination[destination] ?? 0;
		count.duplicated += Math.max(0, links - 1);
		if (links === 1) count.created++;
		if (outcome?.error !== undefined) {
			count.failed++;
			count.failures.push({ index, message: outcome.error });
			if (links > 0) count.failedButCreated++;
			continue;
		}
		if (links === 0 || !outcome) {
			count.lost++;
			continue;
		}
		if (outcome.destination !== destination) {
			count.wrongOutput++;
			continue;
		}
		if (outcome.status !== undefined) {
			if (outcome.status !== 'created') count.wrongOutput++;
			continue;
		}
		const link = outcome.code ? await client.links.getOrNothing(outcome.code).catch(() => undefined) : undefined;
		if (link?.original_url !== destination) count.wrongOutput++;
	}
	return count;
}

export function describeSoak(channel: string, count: SoakCount): string {
	return (
		`${channel}: ${count.items} items, ${count.created} created once, ${count.lost} lost, ${count.duplicated} duplicated, ` +
		`${count.wrongOutput} wrong outputs, ${count.failed} failed (${count.failedButCreated} of them created anyway)`
	);
}

/** Manual Trigger → Code (the items) → Linkkit Create or Create Many, errors kept per item (Continue On Fail). */
export function n8nSoakWorkflow(id: string, operation: 'create' | 'createMany', run: string, count: number): Record<string, unknown> {
	const prefix = soakPrefix(run, operation);
	const options: Record<string, unknown> = { timeoutSeconds: SOAK_TIMEOUT_SECONDS, maxRetries: 5 };
	if (operation === 'createMany') options.batchSize = SOAK_BATCH_SIZE;
	const nodes: NodeJson[] = [
		{ id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: `${id}-items`,
			name: 'Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			parameters: { jsCode: `return Array.from({ length: ${count} }, (_, i) => ({ json: { url: ${JSON.stringify(prefix)} + i } }));` },
		},
		{
			id: `${id}-linkkit`,
			name: 'Linkkit',
			type: 'n8n-nodes-linkkit.linkkit',
			typeVersion: 1,
			position: [400, 0],
			parameters: { resource: 'link', operation, destination: '={{ $json.url }}', options },
			credentials: { linkkitApi: CREDENTIAL },
			onError: 'continueRegularOutput',
		},
	];
	return workflow(id, `Linkkit fault soak ${operation}`, nodes);
}

interface RunItem {
	json: Record<string, unknown>;
	pairedItem?: { item: number } | Array<{ item: number }>;
}

/** One output item of the Linkkit node (Create: a link; Create Many: a row's outcome; either: an error item). */
export function outcomeOf(json: Record<string, unknown>): ItemOutcome {
	if (typeof json.error === 'string') return { error: json.error };
	if (typeof json.status === 'string') {
		const destination = String(json.original_url);
		return json.status === 'created' ? { status: 'created', destination } : { error: `${json.status}: ${String(json.reason ?? '')}`, destination };
	}
	return { code: String(json.short_code), destination: String(json.original_url) };
}

/** The Linkkit node's items in `n8n execute --rawOutput` data, as outcomes indexed by their input item. */
export function n8nOutcomes(runData: unknown, count: number, nodeName = 'Linkkit'): Array<ItemOutcome | undefined> {
	const runs = (runData as { data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: RunItem[][] } }>> } } })?.data?.resultData
		?.runData?.[nodeName];
	const outcomes: Array<ItemOutcome | undefined> = new Array(count).fill(undefined);
	for (const item of runs?.[0]?.data?.main?.[0] ?? []) {
		const paired = Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem;
		if (paired === undefined) continue;
		outcomes[paired.item] = outcomeOf(item.json);
	}
	return outcomes;
}
