/**
 * Runs the Linkkit node inside n8n's own engine (n8n-core's `WorkflowExecute`, see test/support/n8n-engine.ts) against
 * the real sandbox over HTTP, in-process. The real-n8n suite (test/n8n-e2e, the packed package in n8n 2.41.1) stays the
 * final judge; this makes the fast suites run the same engine code.
 *
 * The node is the first node of a one-node workflow, started with the given items as its input, the way n8n starts
 * the node after a trigger. Everything inside is n8n's: parameter defaults and display rules, expressions per item,
 * `$thisRunIndex`, the execution's flow context, Continue On Fail, paired items, the HTTP client under
 * `httpRequestWithAuthentication`, and a failed node recorded as n8n records it (the error a user sees in the run's
 * output). `retryRun` is n8n's Retry of a failed execution.
 */

import type { IDataObject, IExecutionContext, ILoadOptionsFunctions, INodeExecutionData, INodeParameterResourceLocator, INodeParameters, IRun } from 'n8n-workflow';

import {
	additionalDataFor,
	executeNodeRun,
	linkkitNode as savedNode,
	loadOptionsContextFor,
	NODE_TYPE,
	nodeTypes,
	RecordedNodeError,
	retryExecution,
	workflowOf,
	type LinkkitCredential,
	type SentRequest,
	type StartOptions,
} from '../support/n8n-engine';

export { RecordedNodeError, type SentRequest };

export interface HarnessOptions {
	baseUrl: string;
	apiKey: string;
	publishableKey?: string;
	parameters: INodeParameters;
	/** The node's input items (one empty item by default). */
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** n8n's Retry On Fail on the node (n8n runs the node again after a failure, in the same execution). */
	retryOnFail?: { maxTries: number; waitBetweenTries?: number };
	executionId?: string;
	/** n8n's execution context (`runtimeData`); n8n makes a fresh one by default. */
	executionContext?: IExecutionContext;
	workflowId?: string;
	nodeId?: string;
	/** How many times the node already ran in this execution (n8n's run index, e.g. inside a loop). */
	runIndex?: number;
	/** The execution's context data when the node starts (e.g. from an earlier run of the node in the same execution). */
	contextData?: StartOptions['contextData'];
	/** Every request the node sent, Authorization left out. */
	sent?: SentRequest[];
}

export interface NodeRun {
	items: INodeExecutionData[];
	sent: SentRequest[];
	/** The execution as n8n saves it. */
	run: IRun;
}

function setupOf(options: HarnessOptions) {
	const node = savedNode(NODE_TYPE.action, options.parameters, {
		...(options.nodeId ? { id: options.nodeId } : {}),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.retryOnFail ? { retryOnFail: true, maxTries: options.retryOnFail.maxTries, waitBetweenTries: options.retryOnFail.waitBetweenTries ?? 0 } : {}),
	});
	const credential: LinkkitCredential = { apiKey: options.apiKey, baseUrl: options.baseUrl, ...(options.publishableKey ? { publishableKey: options.publishableKey } : {}) };
	const sent = options.sent ?? [];
	const additionalData = additionalDataFor({ credential, mode: 'manual', executionId: options.executionId, workflowId: options.workflowId, sent });
	return { node, workflow: workflowOf(node, { workflowId: options.workflowId }), additionalData, sent };
}

/** Executes the Linkkit node once over `items` and returns its output, or throws the error n8n recorded. */
export async function runNode(options: HarnessOptions): Promise<NodeRun> {
	const { node, workflow, additionalData, sent } = setupOf(options);
	const items: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const { main, run } = await executeNodeRun(workflow, node.name, additionalData, { input: items, runIndex: options.runIndex, executionContext: options.executionContext, contextData: options.contextData });
	return { items: main[0] ?? [], sent, run };
}

/** n8n's Retry of the failed execution `failed` (a new execution id, the failed one's saved data). */
export async function retryRun(failed: RecordedNodeError | IRun, options: HarnessOptions): Promise<NodeRun> {
	const { node, workflow, additionalData, sent } = setupOf(options);
	const { main, run } = await retryExecution(failed instanceof RecordedNodeError ? failed.run : failed, workflow, node.name, additionalData);
	return { items: main[0] ?? [], sent, run };
}

export interface SandboxLike {
	url: string;
	apiKey: string;
	publishableKey?: string;
}

const harnessOptions = (sandbox: SandboxLike, parameters: Record<string, unknown>, extra: Partial<HarnessOptions>): HarnessOptions => ({
	baseUrl: sandbox.url,
	apiKey: sandbox.apiKey,
	publishableKey: sandbox.publishableKey,
	parameters: parameters as INodeParameters,
	...extra,
});

/** `run(parameters, extra)`: runNode against one sandbox with its keys, as most suites need. */
export function nodeRunner(sandbox: SandboxLike) {
	return (parameters: Record<string, unknown>, extra: Partial<HarnessOptions> = {}) => runNode(harnessOptions(sandbox, parameters, extra));
}

/** `retry(failure, parameters, extra)`: retryRun against the same sandbox. */
export function retryRunner(sandbox: SandboxLike) {
	return (failed: RecordedNodeError, parameters: Record<string, unknown>, extra: Partial<HarnessOptions> = {}) =>
		retryRun(failed, harnessOptions(sandbox, parameters, extra));
}

/** The failure a run ends with (fails the test if the run succeeds). */
export async function failureOf(run: Promise<unknown>): Promise<RecordedNodeError> {
	const outcome = await run.then(
		() => undefined,
		(error: unknown) => error,
	);
	if (!(outcome instanceof RecordedNodeError)) throw new Error(`expected the node to fail, got ${outcome === undefined ? 'success' : String(outcome)}`);
	return outcome;
}

/** n8n's load-options context for the action node's `methods` (list search). */
export function loadOptionsContext(baseUrl: string, apiKey: string, sent: SentRequest[] = []): ILoadOptionsFunctions {
	return loadOptionsContextFor(NODE_TYPE.action, { apiKey, baseUrl }, sent);
}

export const linkkitNode = nodeTypes.getByName(NODE_TYPE.action) as import('../../nodes/Linkkit/Linkkit.node').Linkkit;

/** A resource-locator value as n8n saves it. */
export function locator(mode: string, value: string): INodeParameterResourceLocator {
	return { __rl: true, mode, value };
}

export const byCode = (code: string) => locator('shortCode', code);
export const byId = (id: string) => locator('id', id);
