/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test code, never shipped in the n8n package */
/**
 * n8n's own engine (n8n-core 2.41.1, the version of the real n8n the e2e suite runs) around our package, in-process:
 * the action node runs inside a real `WorkflowExecute`, the trigger polls through n8n-core's `PollContext` and
 * `PollTriggerExecutor`, list searches through its `LoadOptionsContext`. Parameters, defaults, expressions,
 * `continueOnFail`, paired items, errors as n8n records them and `httpRequestWithAuthentication` (n8n's HTTP client)
 * are n8n's. Ours, because n8n keeps them in its database and server: the credential store (below) and the additional
 * data an n8n server hands to every execution (URLs, no sub-workflows, no task runners).
 *
 * The credential store applies the credential's declared `authenticate` block the way n8n's server does: every
 * property is an n8n expression resolved with `$credentials`. It also records each request before the Authorization
 * header is added, so tests can see what the node sent without ever holding the key in a log.
 */

import { ExecuteContext, ExecutionLifecycleHooks, LoadOptionsContext, RoutingNode, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IRun,
	IRunExecutionData,
	ICredentials,
	IDataObject,
	IExecutionContext,
	ICredentialType,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRequestOptionsSimplified,
	ITaskData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createEmptyRunExecutionData, createRunExecutionData, ICredentialsHelper, NodeHelpers, UnexpectedError, Workflow } from 'n8n-workflow';

import { LinkkitApi } from '../../credentials/LinkkitApi.credentials';
import { Linkkit } from '../../nodes/Linkkit/Linkkit.node';

// n8n logs what a node reports (a failed node's message) as a server would. Kept out of the test output, in a log file
// that `npm test` searches for the API key like every other log; nowhere when the suites run on their own.
process.env.N8N_LOG_OUTPUT ??= 'file';
process.env.N8N_LOG_FILE_LOCATION ??= process.env.LINKKIT_LOG_DIR ? `${process.env.LINKKIT_LOG_DIR}/n8n-core-harness.log` : '/dev/null';

/** Node types as a user's n8n names them once the package is installed. */
export const NODE_TYPE = { action: 'n8n-nodes-linkkit.linkkit', trigger: 'n8n-nodes-linkkit.linkkitTrigger' } as const;

/**
 * Each node type is loaded when first asked for, so a suite of one node does not depend on the other compiling (the
 * trigger and the action node change on their own schedules).
 */
const nodeTypeLoaders: Record<string, () => INodeType> = {
	[NODE_TYPE.action]: () => new Linkkit(),
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily, see above
	[NODE_TYPE.trigger]: () => new (require('../../nodes/LinkkitTrigger/LinkkitTrigger.node') as typeof import('../../nodes/LinkkitTrigger/LinkkitTrigger.node')).LinkkitTrigger(),
};
const nodeTypeMap: Record<string, INodeType> = {};

export const nodeTypes: INodeTypes = {
	getByName: (type) => known(type),
	getByNameAndVersion: (type) => known(type),
	getKnownTypes: () => ({}),
};

function known(type: string): INodeType {
	if (!nodeTypeLoaders[type]) throw new UnexpectedError(`This harness knows only the Linkkit node types, not "${type}"`);
	return (nodeTypeMap[type] ??= nodeTypeLoaders[type]());
}

/** One request as the node handed it to n8n (before n8n added the credential's Authorization header). */
export interface SentRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	body?: unknown;
	/** The `timeout` option the node passed (ms), which n8n's HTTP client enforces. */
	timeout?: number;
}

export interface LinkkitCredential {
	apiKey: string;
	baseUrl: string;
	/** The workspace's publishable key, for recording leads and sales (optional, as in the credential). */
	publishableKey?: string;
}

const credentialTypes: Record<string, ICredentialType> = { linkkitApi: new LinkkitApi() };

/** The credential the harness gives every Linkkit node (n8n stores it encrypted; the node sees only its id). */
export const CREDENTIAL_REF: INodeCredentialsDetails = { id: 'linkkit-credential', name: 'Linkkit account' };

/** n8n's server-side credential store, reduced to one decrypted Linkkit credential. */
class CredentialStore extends ICredentialsHelper {
	constructor(
		private readonly credential: LinkkitCredential,
		private readonly sent: SentRequest[],
	) {
		super();
	}

	private type(name: string): ICredentialType {
		const type = credentialTypes[name];
		if (!type) throw new UnexpectedError(`Unknown credential type "${name}"`);
		return type;
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}

	async getDecrypted(_additionalData: IWorkflowExecuteAdditionalData, nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentialDataDecryptedObject> {
		if (nodeCredentials.id !== CREDENTIAL_REF.id) throw new UnexpectedError(`No credential with id "${nodeCredentials.id}"`);
		// As n8n's server does: the type's defaults, then what the user saved.
		const data = { ...this.credential } as unknown as INodeParameters;
		return (NodeHelpers.getNodeParameters(this.type(type).properties, data, true, false, null, null) ?? data) as ICredentialDataDecryptedObject;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		request: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const options = request as IHttpRequestOptions;
		this.sent.push({
			method: options.method ?? 'GET',
			url: options.url,
			headers: { ...(options.headers as Record<string, string>) },
			body: options.body,
			timeout: options.timeout,
		});
		const { authenticate } = this.type(typeName);
		if (!authenticate) return options;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);
		if (!workflow || !node) throw new UnexpectedError('n8n authenticates a declared credential only with its workflow and node');
		const resolve = (value: unknown) => {
			const resolved = workflow.expression.getSimpleParameterValue(node, value as string, 'internal', { $credentials: credentials }, undefined, '');
			return resolved ? String(resolved) : '';
		};
		const target = options as unknown as Record<string, Record<string, unknown> | undefined>;
		for (const [where, entries] of Object.entries(authenticate.properties)) {
			target[where] = { ...(target[where] ?? {}) };
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) target[where]![resolve(key)] = resolve(value);
		}
		return options;
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new UnexpectedError('The harness hands out decrypted credentials only');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}

export interface EngineSetup {
	credential: LinkkitCredential;
	mode: WorkflowExecuteMode;
	executionId?: string;
	workflowId?: string;
	/** Every request the nodes send is appended here. */
	sent?: SentRequest[];
}

const unavailable = (what: string) => () => {
	throw new UnexpectedError(`${what} is not available in the in-process harness`);
};

/** What an n8n server passes to every execution; the parts a Linkkit node can reach are real. */
export function additionalDataFor(setup: EngineSetup, workflowName = 'Harness workflow'): IWorkflowExecuteAdditionalData {
	const executionId = setup.executionId ?? 'exec-1';
	const hooks = new ExecutionLifecycleHooks(setup.mode, executionId, {
		id: setup.workflowId ?? 'workflow-1',
		name: workflowName,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		nodes: [],
		connections: {},
	});
	return {
		credentialsHelper: new CredentialStore(setup.credential, setup.sent ?? []),
		hooks,
		executionId,
		workflowId: setup.workflowId ?? 'workflow-1',
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1/',
		formBaseUrl: 'http://127.0.0.1/form',
		formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1/form-test',
		webhookBaseUrl: 'http://127.0.0.1/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1/mcp-test',
		variables: {},
		executeWorkflow: unavailable('Running a sub-workflow'),
		getRunExecutionData: unavailable('Reading another execution'),
		getRuntimeCredential: unavailable('A runtime credential'),
		logAiEvent: () => {},
		startRunnerTask: unavailable('A task runner'),
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** A node as n8n saves it in a workflow, with the harness's Linkkit credential selected. */
export function linkkitNode(type: string, parameters: INode['parameters'], overrides: Partial<INode> = {}): INode {
	return {
		id: 'node-1',
		name: type === NODE_TYPE.trigger ? 'Linkkit Trigger' : 'Linkkit',
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { linkkitApi: CREDENTIAL_REF },
		...overrides,
	};
}

/** A one-node workflow as n8n builds it from saved JSON: n8n fills in parameter defaults here. */
export function workflowOf(node: INode, setup: Pick<EngineSetup, 'workflowId'> & { staticData?: Workflow['staticData'] } = {}): Workflow {
	return new Workflow({
		id: setup.workflowId ?? 'workflow-1',
		name: 'Harness workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		staticData: setup.staticData,
	});
}

/** n8n's context for a parameter's list search or drop-down (what the editor calls while a user picks). */
export function loadOptionsContextFor(type: string, credential: LinkkitCredential, sent: SentRequest[] = [], parameterPath = 'parameters.linkId') {
	const node = linkkitNode(type, {});
	const workflow = workflowOf(node);
	return new LoadOptionsContext(workflow, workflow.getNode(node.name)!, additionalDataFor({ credential, mode: 'manual', sent }), parameterPath);
}

/**
 * A node failure as n8n records it in the execution (a copy of the thrown error: its name, message, description,
 * HTTP code, context), thrown by the harnesses so tests read what a user sees in the node's output panel. `run` is the
 * failed execution as n8n saves it, for `retryExecution` (n8n's Retry of a failed execution).
 */
export class RecordedNodeError extends Error {
	[key: string]: unknown;
	declare readonly run: IRun;

	constructor(recorded: IDataObject, run: IRun) {
		super(String(recorded.message));
		Object.assign(this, recorded);
		this.name = String(recorded.name ?? 'Error');
		// Not enumerable: tests match the recorded error's own fields.
		Object.defineProperty(this, 'run', { value: run, enumerable: false });
	}
}

export interface StartOptions {
	/** The items the node starts with (a trigger gets n8n's one empty item). */
	input: INodeExecutionData[];
	/** How many times the node already ran in this execution (n8n's run index, e.g. inside a loop). */
	runIndex?: number;
	/** n8n's execution context (`runtimeData`); n8n establishes a fresh one (`establishedAt: Date.now()`) by default. */
	executionContext?: IExecutionContext;
	/** The execution's context data so far (`$getWorkflowStaticData` aside, what `getContext('flow')` holds). */
	contextData?: IRunExecutionData['executionData'] extends infer E ? (E extends { contextData: infer C } ? C : never) : never;
}

export interface NodeRunResult {
	main: Array<INodeExecutionData[] | null>;
	/** The execution as n8n saves it when it ends. */
	run: IRun;
}

/** Runs `runExecutionData` in n8n-core's WorkflowExecute and returns the node's output, or throws as n8n recorded it. */
async function processRun(workflow: Workflow, nodeName: string, additionalData: IWorkflowExecuteAdditionalData, mode: WorkflowExecuteMode, data: IRunExecutionData): Promise<NodeRunResult> {
	const run = await new WorkflowExecute(additionalData, mode, data).processRunExecutionData(workflow);
	const task = run.data.resultData.runData[nodeName]?.at(-1);
	const failure = task?.error ?? run.data.resultData.error;
	if (failure) throw new RecordedNodeError(failure as unknown as IDataObject, run);
	return { main: task?.data?.main ?? [], run };
}

/**
 * Starts a manual execution of the workflow's one node in n8n-core's `WorkflowExecute`, as n8n starts the first node
 * of a run, and returns the node's output and the execution; a failure (of the node, or n8n's check of the workflow
 * before it starts) is thrown as n8n recorded it.
 */
export async function executeNodeRun(workflow: Workflow, nodeName: string, additionalData: IWorkflowExecuteAdditionalData, start: StartOptions): Promise<NodeRunResult> {
	const node = workflow.getNode(nodeName)!;
	const earlierRuns: ITaskData[] = Array.from({ length: start.runIndex ?? 0 }, () => ({
		startTime: 0,
		executionTime: 0,
		executionIndex: 0,
		source: [],
		data: { main: [[]] },
	}));
	const runExecutionData = createRunExecutionData({
		resultData: { runData: earlierRuns.length ? { [nodeName]: earlierRuns } : {} },
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [start.input] }, source: null }],
			...(start.contextData ? { contextData: JSON.parse(JSON.stringify(start.contextData)) } : {}),
			...(start.executionContext ? { runtimeData: start.executionContext } : {}),
		},
	});
	return await processRun(workflow, nodeName, additionalData, 'manual', runExecutionData);
}

/** `executeNodeRun`'s output only (what the trigger's poll harness needs). */
export async function executeNode(workflow: Workflow, nodeName: string, additionalData: IWorkflowExecuteAdditionalData, start: StartOptions) {
	return (await executeNodeRun(workflow, nodeName, additionalData, start)).main;
}

/**
 * n8n's Retry of a failed execution (Executions → Retry), as n8n 2.41.1 does it (packages/cli
 * `ExecutionService.retry`): the failed execution's saved data — here through a JSON round trip, as n8n stores it in
 * its database — becomes the new execution's `executionData`, with the recorded error removed and the failed node's
 * errored run popped so that node runs again; n8n then runs it in mode `retry` under a NEW execution id
 * (`WorkflowRunner` → `new WorkflowExecute(additionalData, 'retry', data).processRunExecutionData(workflow)`; in queue
 * mode the worker loads the same data from the database and does the same).
 */
export async function retryExecution(failed: IRun, workflow: Workflow, nodeName: string, additionalData: IWorkflowExecuteAdditionalData): Promise<NodeRunResult> {
	const data = JSON.parse(JSON.stringify(failed.data)) as IRunExecutionData;
	const { lastNodeExecuted } = data.resultData;
	if (lastNodeExecuted) {
		delete data.resultData.error;
		const nodeRunData = data.resultData.runData?.[lastNodeExecuted];
		if (nodeRunData && nodeRunData.length > 0 && nodeRunData[nodeRunData.length - 1].error !== undefined) nodeRunData.pop();
	}
	return await processRun(workflow, nodeName, additionalData, 'retry', data);
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

/**
 * The credential's connection test as n8n 2.41.1 runs it (packages/cli `CredentialsTester.runRequestTest`): the
 * test request becomes the routing of a throwaway node's one parameter, run by n8n-core's `RoutingNode` with the
 * credential's `authenticate` applied; an HTTP error is matched against the test's `rules` (their message is what the
 * user sees), any other status answers "Received HTTP status code", a network failure its error code.
 */
export async function testCredential(credential: LinkkitCredential, sent: SentRequest[] = []): Promise<CredentialTestResult> {
	const credentialType = credentialTypes.linkkitApi;
	const testRequest = credentialType.test!;
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position: [0, 0],
		credentials: { linkkitApi: CREDENTIAL_REF },
	};
	const nodeTypeCopy = {
		description: {
			displayName: 'No Operation',
			name: 'n8n-nodes-base.noOp',
			group: ['organization'],
			version: 1,
			description: 'No operation',
			defaults: { name: 'No Operation' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'linkkitApi', required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' }],
		},
	} as unknown as INodeType;
	const testNodeTypes: INodeTypes = { getByName: () => nodeTypeCopy, getByNameAndVersion: () => nodeTypeCopy, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: testNodeTypes });
	const additionalData = additionalDataFor({ credential, mode: 'internal', sent });
	const decrypted = { id: CREDENTIAL_REF.id!, name: CREDENTIAL_REF.name, type: 'linkkitApi', data: { ...credential } as unknown as ICredentialDataDecryptedObject };
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', createEmptyRunExecutionData(), 0, [], { main: [[{ json: {} }]] }, { node, data: {}, source: null }, []);
	try {
		await new RoutingNode(context, nodeTypeCopy, decrypted).runNode();
	} catch (caught) {
		const error = caught as { cause?: { response?: { status: number; statusText?: string }; code?: string }; message: string };
		if (error.cause?.response) {
			const status = error.cause.response.status;
			const rule = testRequest.rules?.find((r) => r.type === 'responseCode' && r.properties.value === status);
			if (rule) return { status: 'Error', message: (rule.properties as { message: string }).message };
			if (status < 199 || status > 299) return { status: 'Error', message: error.cause.response.statusText || `Received HTTP status code: ${status}` };
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: String(error.message) };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
