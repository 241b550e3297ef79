/**
 * The benchmark's workflows, as a user would build them, in `n8n import:workflow` shape. Each throughput workflow
 * starts at a Webhook (so a run starts inside the running n8n at once, the way production runs start), makes
 * `count` items with URLs under `https://bench.example.org/<tag>/`, sends them through the node under test, and
 * answers with a one-item summary.
 */
import { randomUUID } from 'node:crypto';
import { CREDENTIAL, workflow, type NodeJson } from '../../test/n8n-e2e/workflows';

export { CREDENTIAL };
export const HEADER_CREDENTIAL = { id: 'benchHeaderAuth', name: 'Linkkit key as a header' };
export const DESTINATION_ROOT = 'https://bench.example.org';

export const destinationOf = (tag: string, index: number) => `${DESTINATION_ROOT}/${tag}/${index}`;

export const webhook = (path: string): NodeJson & { webhookId: string } => ({
	id: `${path}-webhook`,
	name: 'Webhook',
	type: 'n8n-nodes-base.webhook',
	typeVersion: 2,
	position: [0, 0],
	webhookId: randomUUID(),
	parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
});

export const code = (id: string, name: string, x: number, jsCode: string): NodeJson => ({
	id,
	name,
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	position: [x, 0],
	parameters: { jsCode },
});

export const itemsNode = (path: string) =>
	code(
		`${path}-items`,
		'Items',
		200,
		`const { tag, count } = $json.body;\nreturn Array.from({ length: count }, (_, i) => ({ json: { url: \`${DESTINATION_ROOT}/\${tag}/\${i}\` } }));`,
	);

/**
 * One item: how many came out, and each error item's position and message (with Continue On Fail on); a Create Many
 * row that was not created (skipped, invalid, unknown) counts as an error item with its status and reason.
 */
const summaryNode = (path: string) =>
	code(
		`${path}-summary`,
		'Summary',
		600,
		[
			'const all = $input.all();',
			'const problem = (json) => json.error !== undefined ? String(json.error) : json.status !== undefined && json.status !== \'created\' ? `${json.status}: ${json.reason ?? \'\'}` : undefined;',
			'const errors = all.flatMap((item, index) => (problem(item.json) === undefined ? [] : [{ index, item: item.pairedItem?.item, message: problem(item.json) }]));',
			'return [{ json: { items: all.length, errors } }];',
		].join('\n'),
	);

/** Webhook → Items → `node` → Summary. */
function throughputWorkflow(path: string, name: string, node: NodeJson & Record<string, unknown>) {
	return workflow(path, name, [webhook(path), itemsNode(path), { ...node, position: [400, 0] }, summaryNode(path)]);
}

/**
 * Link → Create or Create Many with the node's defaults (Max Retries 5, Max Wait 60 s); `continueOnFail` turns
 * the node's "On Error" to "Continue", so an item that still fails after retries becomes an error item.
 */
export function linkkitWorkflow(path: string, operation: 'create' | 'createMany', continueOnFail = false) {
	return throughputWorkflow(path, `Bench ${path}`, {
		id: `${path}-linkkit`,
		name: 'Linkkit',
		type: 'n8n-nodes-linkkit.linkkit',
		typeVersion: 1,
		position: [400, 0],
		parameters: { resource: 'link', operation, destination: '={{ $json.url }}' },
		credentials: { linkkitApi: CREDENTIAL },
		...(continueOnFail ? { onError: 'continueRegularOutput' } : {}),
	});
}

/**
 * What users build today without the Linkkit node: the HTTP Request node posting one link per item, with
 * Retry On Fail at n8n's most (5 tries, 5 s apart); `batchPerSecond` adds its Batching option set to the limit.
 */
export function httpRequestWorkflow(path: string, sandboxUrl: string, batchPerSecond?: number) {
	return throughputWorkflow(path, `Bench ${path}`, {
		id: `${path}-http`,
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [400, 0],
		retryOnFail: true,
		maxTries: 5,
		waitBetweenTries: 5000,
		parameters: {
			method: 'POST',
			url: `${sandboxUrl}/v1/links`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify({ destination: $json.url }) }}',
			options: batchPerSecond ? { batching: { batch: { batchSize: batchPerSecond, batchInterval: 1000 } } } : {},
		},
		credentials: { httpHeaderAuth: HEADER_CREDENTIAL },
	});
}
