/** Workflow JSON for the real-n8n suites, in the shape `n8n import:workflow` takes (what a user's export looks like). */

export const CREDENTIAL = { id: 'linkkitSandboxCred', name: 'Linkkit sandbox' };

export interface NodeJson {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	executeOnce?: boolean;
	onError?: string;
	webhookId?: string;
}

/** The credential as `n8n import:credentials` takes it: API key, publishable key and the sandbox's address. */
export function linkkitCredentialJson(sandbox: { url: string; apiKey: string; publishableKey?: string }, id = CREDENTIAL.id): Record<string, unknown> {
	return {
		id,
		name: id === CREDENTIAL.id ? CREDENTIAL.name : `Linkkit ${id}`,
		type: 'linkkitApi',
		data: { apiKey: sandbox.apiKey, ...(sandbox.publishableKey ? { publishableKey: sandbox.publishableKey } : {}), baseUrl: sandbox.url },
	};
}

/** Nodes run one after the other, in the order given. */
export function workflow(id: string, name: string, nodes: NodeJson[]): Record<string, unknown> {
	const connections: Record<string, unknown> = {};
	nodes.slice(0, -1).forEach((node, i) => {
		connections[node.name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	});
	return { id, name, active: false, nodes, connections, settings: { executionOrder: 'v1' }, pinData: {} };
}

/** A resource locator value as the editor saves it (`mode`: list, shortCode, url, id, name). */
export const locator = (mode: string, value: string) => ({ __rl: true, mode, value });
/** A locator filled from an n8n expression, e.g. `$('Create link').first().json.short_code`. */
export const locatorFrom = (mode: string, expression: string) => locator(mode, `={{ ${expression} }}`);

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

export const manualTrigger = (id: string): NodeJson => ({
	id: `${id}-start`,
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
});

/** A Code node that outputs `rows` (one item each). */
export const rowsNode = (id: string, rows: object[], x = 200): NodeJson => ({
	id: `${id}-rows`,
	name: 'Rows',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	position: [x, 0],
	parameters: { jsCode: `return ${JSON.stringify(rows)}.map((json) => ({ json }));` },
});

/** A Linkkit action node at step `x`; `executeOnce` so an earlier node with many items does not multiply its runs. */
export function linkkitNode(id: string, name: string, parameters: Record<string, unknown>, x: number, options: { executeOnce?: boolean; onError?: string } = {}): NodeJson {
	return {
		id: `${id}-${x}`,
		name,
		type: 'n8n-nodes-linkkit.linkkit',
		typeVersion: 1,
		position: [x * 200, 0],
		parameters,
		credentials: { linkkitApi: CREDENTIAL },
		executeOnce: options.executeOnce ?? true,
		...(options.onError ? { onError: options.onError } : {}),
	};
}

const ref = (node: string, field: string) => `$('${node}').first().json.${field}`;

/**
 * Every operation of links, segments, campaign settings, tags, QR codes, domains and workspaces in one headless run,
 * each step reading what an earlier one made (by n8n expressions, as a user wires them).
 */
export function resourcesWorkflow(id: string, tag: string) {
	let x = 1;
	const step = (name: string, parameters: Record<string, unknown>) => linkkitNode(id, name, parameters, x++);
	const segmentId = locatorFrom('id', ref('Create segment', 'id'));
	const settingId = locatorFrom('id', ref('Create campaign setting', 'id'));
	const tagId = locatorFrom('id', ref('Create tag', 'id'));
	const qrId = locatorFrom('id', ref('Create QR code for a link', 'id'));
	const derived = locatorFrom('shortCode', ref('Create link', 'short_code'));
	const steps = [
		// Segments (the API's lists).
		step('Create segment', { resource: 'segment', operation: 'create', name: `E2E ${tag}`, additionalFields: { color: '#3b82f6' } }),
		step('Get segment', { resource: 'segment', operation: 'get', segmentId }),
		step('Update segment', { resource: 'segment', operation: 'update', segmentId, updateFields: { name: `E2E ${tag} (renamed)` } }),
		step('Get many segments', { resource: 'segment', operation: 'getMany', returnAll: true }),
		// Campaign settings (the API's UTM templates).
		step('Create campaign setting', {
			resource: 'campaignSetting',
			operation: 'create',
			name: `E2E ${tag}`,
			additionalFields: { utm_source: 'newsletter', utm_campaign: tag },
		}),
		step('Get campaign setting', { resource: 'campaignSetting', operation: 'get', campaignSettingId: settingId }),
		step('Update campaign setting', { resource: 'campaignSetting', operation: 'update', campaignSettingId: settingId, updateFields: { utm_medium: 'email' } }),
		step('Get many campaign settings', { resource: 'campaignSetting', operation: 'getMany', returnAll: true }),
		// Links: a derived code (with the campaign setting applied and a custom domain), a person's own code, Linkkit's pick.
		step('Create link', {
			resource: 'link',
			operation: 'create',
			destination: `https://example.com/e2e/${tag}/derived?utm_source=old&x=1`,
			additionalFields: { title: `E2E ${tag}`, customDomain: locator('list', 'go.acme.test'), campaignSettingId: settingId },
		}),
		step('Create link with a code', { resource: 'link', operation: 'create', destination: `https://example.com/e2e/${tag}/own`, shortCode: `own-${tag}` }),
		step('Create link Linkkit picks', {
			resource: 'link',
			operation: 'create',
			destination: `https://example.com/e2e/${tag}/picked`,
			options: { linkkitPicksCode: true },
		}),
		step('Create or update (new)', { resource: 'link', operation: 'createOrUpdate', shortCode: `cu-${tag}`, destination: `https://example.com/e2e/${tag}/cu-1` }),
		step('Create or update (existing)', {
			resource: 'link',
			operation: 'createOrUpdate',
			shortCode: `cu-${tag}`,
			destination: `https://example.com/e2e/${tag}/cu-2`,
			additionalFields: { title: 'changed' },
		}),
		step('Get link by code', { resource: 'link', operation: 'get', link: derived }),
		step('Get link by URL', { resource: 'link', operation: 'get', link: locatorFrom('url', ref('Create link', 'short_url')) }),
		step('Get many links', { resource: 'link', operation: 'getMany', returnAll: true, filters: { search: `/e2e/${tag}/` } }),
		step('Update link', {
			resource: 'link',
			operation: 'update',
			link: locator('shortCode', `own-${tag}`),
			updateFields: { title: `E2E ${tag} (updated)`, shortCode: `renamed-${tag}` },
		}),
		step('Add link to segment', { resource: 'segment', operation: 'addLink', segmentId, link: derived }),
		step('Get link in segment', { resource: 'link', operation: 'get', link: derived }),
		step('Remove link from segment', { resource: 'segment', operation: 'removeLink', link: derived }),
		// Tags.
		step('Create tag', { resource: 'tag', operation: 'create', name: `e2e-${tag}`, additionalFields: { color: '#ff5733' } }),
		step('Get tag', { resource: 'tag', operation: 'get', tagId }),
		step('Update tag', { resource: 'tag', operation: 'update', tagId, updateFields: { name: `e2e-${tag}-renamed` } }),
		step('Get many tags', { resource: 'tag', operation: 'getMany', returnAll: true }),
		// QR codes.
		step('Create QR code for a link', { resource: 'qrCode', operation: 'create', target: 'link', link: derived, additionalFields: { name: `QR ${tag}` } }),
		step('Create QR code for a URL', { resource: 'qrCode', operation: 'create', target: 'url', url: `https://example.com/e2e/${tag}/menu` }),
		step('Get QR code', { resource: 'qrCode', operation: 'get', qrCodeId: qrId }),
		step('Update QR code', { resource: 'qrCode', operation: 'update', qrCodeId: qrId, updateFields: { color: '#112233' } }),
		step('Get many QR codes', { resource: 'qrCode', operation: 'getMany', returnAll: true }),
		step('Delete QR code', { resource: 'qrCode', operation: 'delete', qrCodeId: qrId }),
		// Domains and workspaces (read only).
		step('Get many domains', { resource: 'domain', operation: 'getMany', returnAll: true }),
		step('Get domain', { resource: 'domain', operation: 'get', domainId: locatorFrom('id', `$('Get many domains').first().json.id`) }),
		step('Get many workspaces', { resource: 'workspace', operation: 'getMany', returnAll: true }),
		// Deletes.
		step('Delete link', { resource: 'link', operation: 'delete', link: locator('url', `https://uselinkkit.com/renamed-${tag}`) }),
		step('Delete tag', { resource: 'tag', operation: 'delete', tagId }),
		step('Delete campaign setting', { resource: 'campaignSetting', operation: 'delete', campaignSettingId: settingId }),
		step('Delete segment', { resource: 'segment', operation: 'delete', segmentId }),
	];
	return workflow(id, `Linkkit e2e resources ${tag}`, [manualTrigger(id), ...steps]);
}

/** Create Many over rows of which some are created, some skipped by Linkkit's safety checks, some refused before sending. */
export function createManyWorkflow(id: string, rows: Array<{ url: string }>) {
	return workflow(id, 'Linkkit e2e Create Many', [
		manualTrigger(id),
		rowsNode(id, rows),
		linkkitNode(id, 'Create many', { resource: 'link', operation: 'createMany', destination: '={{ $json.url }}', additionalFields: { title: 'Imported' } }, 2, {
			executeOnce: false,
		}),
	]);
}

/** Analytics of one link (made and clicked by the suite) and conversions: summary, clicks, breakdown, timeseries, lead, sale. */
export function analyticsWorkflow(id: string, code: string, clickId: string, customer: string) {
	let x = 1;
	const step = (name: string, parameters: Record<string, unknown>) => linkkitNode(id, name, parameters, x++);
	const link = locator('shortCode', code);
	return workflow(id, 'Linkkit e2e analytics and conversions', [
		manualTrigger(id),
		step('Summary', { resource: 'analytics', operation: 'getSummary', dateRange: 'all' }),
		step('Link clicks', { resource: 'analytics', operation: 'getLinkClicks', link, dateRange: 'today', returnAll: true }),
		step('Breakdown', { resource: 'analytics', operation: 'getBreakdown', link, dateRange: 'last7Days', dimension: 'country' }),
		step('Timeseries', { resource: 'analytics', operation: 'getTimeseries', link, dateRange: 'last7Days', interval: 'day' }),
		step('Track lead', {
			resource: 'conversion',
			operation: 'trackLead',
			customerExternalId: customer,
			additionalFields: { lkclid: clickId, eventName: 'Trial Started', customerEmail: 'ada@example.com' },
		}),
		step('Track sale', { resource: 'conversion', operation: 'trackSale', customerExternalId: customer, amount: 4999, additionalFields: { currency: 'EUR', invoiceId: `inv-${customer}` } }),
		step('Get many conversions', { resource: 'conversion', operation: 'getMany', returnAll: true, dateRange: 'today', filters: { customerExternalId: customer } }),
	]);
}

interface RunItem {
	json: Record<string, unknown>;
	pairedItem?: { item: number } | Array<{ item: number }>;
}

type RunData = { data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: RunItem[][] } }>>; error?: { message?: string } } } };

/** Items of a node in the run data `n8n execute --rawOutput` prints. */
export function nodeOutput(run: unknown, nodeName: string): Array<Record<string, unknown>> {
	return nodeItems(run, nodeName).map((item) => item.json);
}

/** Items of a node with their pairing, as `n8n execute --rawOutput` prints them. */
export function nodeItems(run: unknown, nodeName: string): RunItem[] {
	return (run as RunData)?.data?.resultData?.runData?.[nodeName]?.[0]?.data?.main?.[0] ?? [];
}

/** The names of the nodes that ran, in the run data. */
export function nodesThatRan(run: unknown): string[] {
	return Object.keys((run as RunData)?.data?.resultData?.runData ?? {});
}
