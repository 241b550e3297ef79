/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only test code, never shipped in the n8n package */
/**
 * Runs the Linkkit Trigger inside n8n's own engine (n8n-core 2.41.1, see test/support/n8n-engine.ts) against the
 * sandbox over HTTP, in-process. The real-n8n suite (test/n8n-e2e) remains the final judge of activation and scheduling.
 *
 * - "Fetch Test Event" (`mode: 'manual'`) runs the one-node workflow in n8n's `WorkflowExecute`, which polls the node
 *   through n8n-core's `PollContext` as the editor's button does; a failure is the error n8n records.
 * - A scheduled check (`mode: 'trigger'`) goes through n8n-core's `PollTriggerExecutor`, the code an active workflow's
 *   poll timer calls: its `__emit` is what would start an execution, its `__emitError` what would record a failed one.
 * The node's static data lives in the workflow, as n8n keeps it; pass the same object to later polls, as n8n keeps the
 * active workflow between checks.
 */

import { createRequire } from 'node:module';

import { PollContext, PollTriggerExecutor } from 'n8n-core';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { additionalDataFor, executeNode, linkkitNode, NODE_TYPE, workflowOf, type SentRequest } from '../support/n8n-engine';

export type PollMode = 'manual' | 'trigger';

export interface PollOptions {
	baseUrl: string;
	apiKey: string;
	parameters: INodeParameters;
	mode: PollMode;
	/** The node's static data; pass the same object to later polls, as n8n does between checks. */
	staticData: IDataObject;
	sent?: SentRequest[];
}

/** n8n-core's dependency container (its own copy of @n8n/di), where the poll executor and its logger live. */
const { Container } = createRequire(require.resolve('n8n-core'))('@n8n/di') as typeof import('@n8n/di');

/** Runs one poll and returns the items of its single output, or null when n8n would not start the workflow. */
export async function poll(options: PollOptions): Promise<IDataObject[] | null> {
	const node = linkkitNode(NODE_TYPE.trigger, options.parameters, { id: 'trigger-1' });
	const workflow = workflowOf(node, { staticData: { [`node:${node.name}`]: options.staticData } });
	const setup = { credential: { apiKey: options.apiKey, baseUrl: options.baseUrl }, sent: options.sent };
	const output = options.mode === 'manual' ? await fetchTestEvent(workflow, node.name, setup) : await scheduledCheck(workflow, node.name, setup);
	if (output === null) return null;
	if (output.length !== 1) throw new Error(`the trigger has one output, but poll() returned ${output.length}`);
	return output[0].map((item) => item.json);
}

type Setup = Omit<Parameters<typeof additionalDataFor>[0], 'mode'>;
type Workflow = ReturnType<typeof workflowOf>;

async function fetchTestEvent(workflow: Workflow, nodeName: string, setup: Setup): Promise<INodeExecutionData[][] | null> {
	const main = await executeNode(workflow, nodeName, additionalDataFor({ ...setup, mode: 'manual' }), { input: [{ json: {} }] });
	return main.some((items) => items && items.length) ? (main as INodeExecutionData[][]) : null;
}

async function scheduledCheck(workflow: Workflow, nodeName: string, setup: Setup): Promise<INodeExecutionData[][] | null> {
	const node = workflow.getNode(nodeName)!;
	let emitted: INodeExecutionData[][] | null = null;
	let failed: Error | undefined;
	const context = new PollContext(
		workflow,
		node,
		additionalDataFor({ ...setup, mode: 'trigger' }),
		'trigger',
		'activate',
		(data) => (emitted = data),
		(error) => (failed = error),
	);
	await Container.get(PollTriggerExecutor).create(workflow, node, context, () => true)(false);
	if (failed) throw failed;
	return emitted;
}
