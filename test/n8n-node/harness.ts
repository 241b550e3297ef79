/**
 * Runs the Linkkit node inside n8n's own engine (n8n-core's `WorkflowExecute`, see test/support/n8n-engine.ts) against
 * the real sandbox over HTTP, in-process. The real-n8n suite (test/n8n-e2e, the packed package in n8n 2.41.1) stays the
 * final judge; this makes the fast suites run the same engine code.
 *
 * The node is the first node of a one-node workflow, started with the given items as its input, the way n8n starts
 * the node after a trigger. Everything inside is n8n's: parameter defaults and display rules, expressions per item,
 * `$thisRunIndex`, Continue On Fail, paired items, the HTTP client under `httpRequestWithAuthentication`, and a
 * failed node recorded as n8n records it (the error a user sees in the run's output).
 */

import type { IDataObject, IExecutionContext, ILoadOptionsFunctions, INodeExecutionData, INodeParameterResourceLocator, INodeParameters } from 'n8n-workflow';

import {
	additionalDataFor,
	executeNode,
	linkkitNode as savedNode,
	loadOptionsContextFor,
	NODE_TYPE,
	nodeTypes,
	RecordedNodeError,
	workflowOf,
	type SentRequest,
} from '../support/n8n-engine';

export { RecordedNodeError, type SentRequest };

export interface HarnessOptions {
	baseUrl: string;
	apiKey: string;
	parameters: INodeParameters;
	/** The node's input items (one empty item by default). */
	items?: IDataObject[];
	continueOnFail?: boolean;
	executionId?: string;
	/** What n8n's `getExecutionContext()` gives (n8n copies it into a Retry of a failed execution); n8n makes a fresh one by default. */
	executionContext?: IExecutionContext;
	workflowId?: string;
	nodeId?: string;
	/** How many times the node already ran in this execution (n8n's run index, e.g. inside a loop). */
	runIndex?: number;
	/** Every request the node sent, Authorization left out. */
	sent?: SentRequest[];
}

export interface NodeRun {
	items: INodeExecutionData[];
	sent: SentRequest[];
}

/**
 * One execution has one execution context in n8n (established when it starts, copied into a Retry). Runs given the
 * same `executionId` are the same execution run again (Retry On Fail, a re-run), so they share one context here too;
 * runs without an `executionId` get the fresh context n8n establishes for each new execution.
 */
const contexts = new Map<string, IExecutionContext>();
function contextOf(executionId: string | undefined): IExecutionContext | undefined {
	if (executionId === undefined) return undefined;
	let context = contexts.get(executionId);
	if (!context) {
		context = { version: 1, establishedAt: Date.now() + contexts.size, source: 'manual' };
		contexts.set(executionId, context);
	}
	return context;
}

/** Executes the Linkkit node once over `items` and returns its output, or throws the error n8n recorded. */
export async function runNode(options: HarnessOptions): Promise<NodeRun> {
	const sent = options.sent ?? [];
	const node = savedNode(NODE_TYPE.action, options.parameters, {
		...(options.nodeId ? { id: options.nodeId } : {}),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	});
	const workflow = workflowOf(node, { workflowId: options.workflowId });
	const additionalData = additionalDataFor({
		credential: { apiKey: options.apiKey, baseUrl: options.baseUrl },
		mode: 'manual',
		executionId: options.executionId,
		workflowId: options.workflowId,
		sent,
	});
	const items: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const [output] = await executeNode(workflow, node.name, additionalData, { input: items, runIndex: options.runIndex, executionContext: options.executionContext ?? contextOf(options.executionId) });
	return { items: output ?? [], sent };
}

/** `run(parameters, extra)`: runNode against one sandbox with its full-scope key, as most suites need. */
export function nodeRunner(sandbox: { url: string; apiKey: string }) {
	return (parameters: Record<string, unknown>, extra: Partial<HarnessOptions> = {}) =>
		runNode({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, parameters: parameters as INodeParameters, ...extra });
}

/** n8n's load-options context for the action node's `methods` (list search, drop-downs). */
export function loadOptionsContext(baseUrl: string, apiKey: string, sent: SentRequest[] = []): ILoadOptionsFunctions {
	return loadOptionsContextFor(NODE_TYPE.action, { apiKey, baseUrl }, sent);
}

export const linkkitNode = nodeTypes.getByName(NODE_TYPE.action) as import('../../nodes/Linkkit/Linkkit.node').Linkkit;

/** A resource-locator value as n8n saves it. */
export function byId(value: string): INodeParameterResourceLocator {
	return { __rl: true, mode: 'id', value };
}
