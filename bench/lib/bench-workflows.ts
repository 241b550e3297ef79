/**
 * The benchmark's workflows on Linkkit's real API, as a user would build them, in `n8n import:workflow` shape. Each
 * starts at a Webhook (a run starts inside the running n8n at once, the way production runs start), makes `count`
 * items with URLs under `https://bench.example.org/<tag>/`, sends them through the node under test and ends in a
 * one-item Summary. Every workflow names its own credential, so variants can run side by side against sandboxes of
 * their own.
 *
 * Baselines are what users build without the Linkkit node against the published API: the HTTP Request node posting
 * `POST /v1/links` per item (Retry On Fail at n8n's most: 5 tries, 5 s apart; optionally batched to the limit) and,
 * for bulk imports, rows cut into requests of 1 000 for `POST /v1/links/bulk`, batched to the limit, Retry On Fail.
 */
import { randomUUID } from 'node:crypto';
import { workflow, type NodeJson } from '../../test/n8n-e2e/workflows';
import { code, itemsNode, webhook } from './workflows';

export interface CredentialRef {
	id: string;
	name: string;
}

/** Rows per bulk request (Linkkit's maximum, and Create Many's default Batch Size). */
export const BULK_ROWS = 1000;


/**
 * One item: the execution, how many items came out, how many were failures (error items with Continue On Fail, and
 * Create Many rows that were not created), and the first few of them.
 */
const summaryNode = (path: string, x: number) =>
	code(
		`${path}-summary`,
		'Summary',
		x,
		[
			'const all = $input.all();',
			"const problem = (json) => json.error !== undefined ? String(json.error) : json.status !== undefined && json.status !== 'created' ? `${json.status}: ${json.reason ?? ''}` : undefined;",
			'const errors = [];',
			'all.forEach((item, index) => { const message = problem(item.json); if (message !== undefined) errors.push({ index, item: item.pairedItem?.item, message }); });',
			'return [{ json: { executionId: $execution.id, items: all.length, failed: errors.length, failedItems: errors.map((e) => e.item), errors: errors.slice(0, 20) } }];',
		].join('\n'),
	);

/** Webhook → Items → `nodes` → Summary. */
function benchWorkflow(path: string, nodes: NodeJson[]) {
	const placed = nodes.map((node, i) => ({ ...node, position: [400 + 200 * i, 0] as [number, number] }));
	return workflow(path, `Bench ${path}`, [webhook(path), itemsNode(path), ...placed, summaryNode(path, 400 + 200 * nodes.length)]);
}

/** The node under test in every Linkkit workflow (its run data is what the bench reads). */
export const LINKKIT_NODE = 'Linkkit';
export const HTTP_NODE = 'HTTP Request';
export const SET_NODE = 'Same expressions (Set)';

const linkkitNode = (path: string, operation: 'create' | 'createMany', credential: CredentialRef): NodeJson => ({
	id: `${path}-linkkit`,
	name: LINKKIT_NODE,
	type: 'n8n-nodes-linkkit.linkkit',
	typeVersion: 1,
	position: [400, 0],
	parameters: { resource: 'link', operation, destination: '={{ $json.url }}' },
	credentials: { linkkitApi: credential },
});

/** Link → Create (a derived short code per item, PUT) or Create Many (bulk, 1 000 rows per request) with the node's defaults. */
export function linkkitBenchWorkflow(path: string, operation: 'create' | 'createMany', credential: CredentialRef) {
	return benchWorkflow(path, [linkkitNode(path, operation, credential)]);
}

/**
 * Create Many over the rows after a Set node that evaluates the same expression for every row: the Set node's time
 * is what n8n itself spends on the rows' expressions, the floor for any node that reads them.
 */
export function setThenCreateManyWorkflow(path: string, credential: CredentialRef) {
	const set: NodeJson = {
		id: `${path}-set`,
		name: SET_NODE,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [400, 0],
		parameters: {
			mode: 'manual',
			assignments: { assignments: [{ id: randomUUID(), name: 'original_url', value: '={{ $json.url }}', type: 'string' }] },
			includeOtherFields: true,
			options: {},
		},
	};
	return benchWorkflow(path, [set, linkkitNode(path, 'createMany', credential)]);
}

const retryOnFail = { retryOnFail: true, maxTries: 5, waitBetweenTries: 5000 };

/** `POST /v1/links` per item with Retry On Fail; `batchPerSecond` adds the Batching option set to the limit. */
export function httpCreateWorkflow(path: string, sandboxUrl: string, credential: CredentialRef, batchPerSecond?: number) {
	return benchWorkflow(path, [
		{
			id: `${path}-http`,
			name: HTTP_NODE,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [400, 0],
			...retryOnFail,
			parameters: {
				method: 'POST',
				url: `${sandboxUrl}/v1/links`,
				authentication: 'genericCredentialType',
				genericAuthType: 'httpHeaderAuth',
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ original_url: $json.url }) }}',
				options: batchPerSecond ? { batching: { batch: { batchSize: batchPerSecond, batchInterval: 1000 } } } : {},
			},
			credentials: { httpHeaderAuth: credential },
		} as NodeJson,
	]);
}

/** Rows cut into requests of 1 000 (a Code node), each `POST /v1/links/bulk`, batched to the limit, Retry On Fail. */
export function httpBulkWorkflow(path: string, sandboxUrl: string, credential: CredentialRef, batchPerSecond: number) {
	const chunk = code(
		`${path}-chunks`,
		'Chunks of 1 000',
		400,
		`const rows = $input.all().map((item) => ({ original_url: item.json.url }));\nconst out = [];\nfor (let i = 0; i < rows.length; i += ${BULK_ROWS}) out.push({ json: { links: rows.slice(i, i + ${BULK_ROWS}) } });\nreturn out;`,
	);
	return benchWorkflow(path, [
		chunk,
		{
			id: `${path}-http`,
			name: HTTP_NODE,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [600, 0],
			...retryOnFail,
			parameters: {
				method: 'POST',
				url: `${sandboxUrl}/v1/links/bulk`,
				authentication: 'genericCredentialType',
				genericAuthType: 'httpHeaderAuth',
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ links: $json.links }) }}',
				options: { batching: { batch: { batchSize: batchPerSecond, batchInterval: 1000 } } },
			},
			credentials: { httpHeaderAuth: credential },
		} as NodeJson,
	]);
}
