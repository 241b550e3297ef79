/**
 * Workflows for the queue-mode suite. Production executions in queue mode start from a trigger on the main process
 * and run on a worker; a Webhook trigger lets the suite start several at once and pass the rows to shorten.
 */
import { CREDENTIAL, triggerToCollector, workflow, type NodeJson } from './workflows';

/**
 * Webhook `POST /webhook/<path>` with `{ rows: [{ url, row }] }` → one item per row → Linkkit Create or Create Many,
 * with the given write Options (e.g. Max Retries, Duplicate Protection ID, Batch Size).
 */
export function webhookToCreate(
	id: string,
	path: string,
	operation: 'create' | 'createMany',
	options: Record<string, unknown> = {},
): Record<string, unknown> {
	const nodes: NodeJson[] = [
		{
			id: `${id}-webhook`,
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: `${id}-hook`,
			// Answers at once ("Workflow was started"), so the suite can start several executions together.
			parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
		},
		{
			id: `${id}-rows`,
			name: 'Rows',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [200, 0],
			parameters: { fieldToSplitOut: 'body.rows', options: {} },
		},
		{
			id: `${id}-linkkit`,
			name: 'Shorten',
			type: 'n8n-nodes-linkkit.linkkit',
			typeVersion: 1,
			position: [400, 0],
			parameters: { resource: 'link', operation, destination: '={{ $json.url }}', additionalFields: {}, options },
			credentials: { linkkitApi: CREDENTIAL },
		},
	];
	return workflow(id, `Linkkit queue e2e ${id}`, nodes);
}

/** Linkkit Trigger (New Link, every minute) → POST `{ execution, item }` per item, so each poll's batch is known. */
export function newLinksToCollector(id: string, collectorUrl: string): Record<string, unknown> {
	return triggerToCollector(id, { event: 'newLink' }, collectorUrl, '={{ JSON.stringify({ execution: $execution.id, item: $json }) }}');
}
