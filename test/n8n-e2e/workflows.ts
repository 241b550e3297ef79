/** Workflow JSON for the suite, in the shape `n8n import:workflow` takes (what a user's export looks like). */

export const CREDENTIAL = { id: 'linkkitSandboxCred', name: 'Linkkit sandbox' };

export interface NodeJson {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

export function workflow(id: string, name: string, nodes: NodeJson[]): Record<string, unknown> {
	const connections: Record<string, unknown> = {};
	nodes.slice(0, -1).forEach((node, i) => {
		connections[node.name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	});
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

/**
 * Linkkit Trigger polling every minute (n8n's shortest allowed interval) → POST each item to the collector, as
 * `jsonBody` (an n8n expression; by default the item itself).
 */
export function triggerToCollector(
	id: string,
	parameters: Record<string, unknown>,
	collectorUrl: string,
	jsonBody = '={{ JSON.stringify($json) }}',
) {
	return workflow(id, `Linkkit Trigger e2e ${id}`, [
		{
			id: `${id}-trigger`,
			name: 'Linkkit Trigger',
			type: 'n8n-nodes-linkkit.linkkitTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters },
			credentials: { linkkitApi: CREDENTIAL },
		},
		{
			id: `${id}-collect`,
			name: 'Send to collector',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [240, 0],
			parameters: {
				method: 'POST',
				url: `${collectorUrl}/${id}`,
				sendBody: true,
				specifyBody: 'json',
				jsonBody,
				options: {},
			},
		},
	]);
}

const byId = (expression: string) => ({ __rl: true, mode: 'id', value: `={{ ${expression} }}` });

/** A Linkkit action node; `executeOnce` so a "Get Many" before it does not multiply the runs. */
function linkkit(name: string, parameters: Record<string, unknown>, x: number): NodeJson & { executeOnce: boolean } {
	return {
		id: `crud-${x}`,
		name,
		type: 'n8n-nodes-linkkit.linkkit',
		typeVersion: 1,
		position: [x * 200, 0],
		parameters,
		credentials: { linkkitApi: CREDENTIAL },
		executeOnce: true,
	};
}

const manualTrigger = (id: string): NodeJson => ({
	id: `${id}-start`,
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
});

/** Create, read, update, list and delete every resource, then the analytics and clicks, in one headless run. */
export function crudWorkflow(id: string, runTag: string) {
	const campaign = "$('Create campaign').first().json.id";
	const link = "$('Create link').first().json.id";
	const segment = "$('Create segment').first().json.id";
	let x = 1;
	const steps = [
		linkkit('Create campaign', { resource: 'campaign', operation: 'create', name: `E2E ${runTag}`, additionalFields: { description: 'made by the e2e suite' } }, x++),
		linkkit('Get campaign', { resource: 'campaign', operation: 'get', campaignId: byId(campaign) }, x++),
		linkkit('Update campaign', { resource: 'campaign', operation: 'update', campaignId: byId(campaign), updateFields: { status: 'paused' } }, x++),
		linkkit('Get many campaigns', { resource: 'campaign', operation: 'getMany', returnAll: false, limit: 5, filters: { search: runTag } }, x++),
		linkkit('Create link', { resource: 'link', operation: 'create', destination: `https://example.com/e2e/${runTag}`, additionalFields: { title: `E2E ${runTag}`, tags: 'e2e', campaignId: byId(campaign) } }, x++),
		linkkit('Get link', { resource: 'link', operation: 'get', linkId: byId(link), simplify: false }, x++),
		linkkit('Update link', { resource: 'link', operation: 'update', linkId: byId(link), updateFields: { title: `E2E ${runTag} (updated)` } }, x++),
		linkkit('Get many links', { resource: 'link', operation: 'getMany', returnAll: false, limit: 10, filters: { search: `e2e/${runTag}` } }, x++),
		linkkit('Create segment', { resource: 'segment', operation: 'create', name: `E2E ${runTag}`, match: 'all', rules: { rule: [{ field: 'country', operator: 'is', value: 'DE' }] } }, x++),
		linkkit('Get segment', { resource: 'segment', operation: 'get', segmentId: byId(segment) }, x++),
		linkkit('Update segment', { resource: 'segment', operation: 'update', segmentId: byId(segment), updateFields: { description: 'updated by e2e' } }, x++),
		linkkit('Get many segments', { resource: 'segment', operation: 'getMany', returnAll: false, limit: 5, filters: { search: runTag } }, x++),
		linkkit('Summary', { resource: 'analytics', operation: 'getSummary', scope: 'account', dateRange: 'last30Days' }, x++),
		linkkit('Timeseries', { resource: 'analytics', operation: 'getTimeseries', scope: 'account', dateRange: 'last7Days', interval: 'day' }, x++),
		linkkit('Breakdown', { resource: 'analytics', operation: 'getBreakdown', scope: 'account', dateRange: 'last30Days', dimension: 'country' }, x++),
		linkkit('Clicks', { resource: 'click', operation: 'getMany', returnAll: false, limit: 5, filters: {} }, x++),
		linkkit('Delete link', { resource: 'link', operation: 'delete', linkId: byId(link) }, x++),
		linkkit('Delete segment', { resource: 'segment', operation: 'delete', segmentId: byId(segment) }, x++),
		linkkit('Delete campaign', { resource: 'campaign', operation: 'delete', campaignId: byId(campaign) }, x++),
	];
	return workflow(id, `Linkkit e2e CRUD ${runTag}`, [manualTrigger(id), ...steps]);
}

/** Items of a node in the run data `n8n execute --rawOutput` prints. */
export function nodeOutput(run: unknown, nodeName: string): Array<Record<string, unknown>> {
	const runData = (run as { data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>> } } })
		?.data?.resultData?.runData;
	const items = runData?.[nodeName]?.[0]?.data?.main?.[0] ?? [];
	return items.map((item) => item.json);
}
