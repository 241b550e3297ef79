/**
 * A small, honest stand-in for n8n's execution context, to run the real Linkkit node class against the
 * real sandbox over HTTP in-process. The real-n8n suite (test/n8n-e2e, which installs the packed package
 * into n8n 2.x) is the final judge; this harness exists for fast, fine-grained checks.
 *
 * What is real: the node class and everything under it (router, operations, core, transport); parameter
 * defaults and display rules come from n8n-workflow's own `NodeHelpers.getNodeParameters` applied to the
 * node's description; requests go over HTTP with the credential's `authenticate` block applied as declared.
 * What is simplified: expressions — only a whole-value `={{ $json.some.path }}` is resolved (per item);
 * `sleep` is n8n-workflow's real one; there is no workflow, so execution id, node id and run index are given.
 */

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IExecutionContext,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	INodeParameterResourceLocator,
	INodeParameters,
} from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { LinkkitApi } from '../../credentials/LinkkitApi.credentials';
import { Linkkit } from '../../nodes/Linkkit/Linkkit.node';

export interface SentRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	body?: unknown;
}

export interface HarnessOptions {
	baseUrl: string;
	apiKey: string;
	parameters: INodeParameters;
	items?: IDataObject[];
	continueOnFail?: boolean;
	executionId?: string;
	/** What n8n's `getExecutionContext()` gives (it survives n8n's Retry of a failed execution); none by default. */
	executionContext?: IExecutionContext;
	workflowId?: string;
	nodeId?: string;
	runIndex?: number;
	/** Every request the node sent, Authorization left out. */
	sent?: SentRequest[];
}

const nodeType = new Linkkit();
const credentialType = new LinkkitApi();

/** The credential's `authenticate` headers, with `{{$credentials.x}}` filled in as n8n does. */
function authenticationHeaders(credentials: ICredentialDataDecryptedObject): Record<string, string> {
	const declared = credentialType.authenticate.properties.headers ?? {};
	return Object.fromEntries(
		Object.entries(declared).map(([name, template]) => [
			name,
			String(template)
				.replace(/^=/, '')
				.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, key: string) => String(credentials[key] ?? '')),
		]),
	);
}

/** `httpRequestWithAuthentication` for the options the transport uses: full response, statuses not thrown. */
export async function authenticatedRequest(credentials: ICredentialDataDecryptedObject, options: IHttpRequestOptions, sent?: SentRequest[]) {
	const headers = { ...(options.headers as Record<string, string>) };
	sent?.push({ method: options.method ?? 'GET', url: options.url, headers: { ...headers }, body: options.body });
	const answer = await fetch(options.url, {
		method: options.method ?? 'GET',
		headers: { ...headers, ...authenticationHeaders(credentials) },
		body: options.body === undefined ? undefined : JSON.stringify(options.body),
	});
	const text = await answer.text();
	const json = (answer.headers.get('content-type') ?? '').includes('json') && text !== '';
	if (!options.ignoreHttpStatusErrors && answer.status >= 400) throw new Error(`HTTP ${answer.status}`);
	const body = json ? JSON.parse(text) : text;
	return options.returnFullResponse ? { statusCode: answer.status, headers: Object.fromEntries(answer.headers.entries()), body } : body;
}

function getPath(source: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as IDataObject)[key] : undefined), source);
}

/** Resolves `={{ $json.path }}` anywhere in a parameter value against one item's JSON. */
function resolveExpressions(value: unknown, item: IDataObject): unknown {
	if (typeof value === 'string') {
		const match = /^=\{\{\s*\$json\.([\w.]+)\s*\}\}$/.exec(value);
		return match ? getPath(item, match[1]) : value;
	}
	if (Array.isArray(value)) return value.map((v) => resolveExpressions(v, item));
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveExpressions(v, item)]));
	}
	return value;
}

function nodeOf(options: HarnessOptions, parameters: INodeParameters): INode {
	return {
		id: options.nodeId ?? 'node-1',
		name: 'Linkkit',
		type: 'n8n-nodes-linkkit.linkkit',
		typeVersion: 1,
		position: [0, 0],
		parameters,
	};
}

export interface NodeRun {
	items: INodeExecutionData[];
	sent: SentRequest[];
}

/** Executes the Linkkit node once over `items` (one empty item by default) and returns its output. */
export async function runNode(options: HarnessOptions): Promise<NodeRun> {
	const description = nodeType.description;
	// n8n's own rules for defaults and for which parameters apply to the chosen resource/operation.
	const parameters = NodeHelpers.getNodeParameters(description.properties, options.parameters, true, false, { typeVersion: 1 }, description) ?? {};
	const node = nodeOf(options, parameters);
	const items: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const credentials: ICredentialDataDecryptedObject = { apiKey: options.apiKey, baseUrl: options.baseUrl };
	const sent = options.sent ?? [];

	const context = {
		getInputData: () => items,
		getNode: () => node,
		getExecutionId: () => options.executionId ?? 'exec-1',
		getExecutionContext: () => options.executionContext,
		getWorkflow: () => ({ id: options.workflowId ?? 'workflow-1', name: 'Harness workflow', active: false }),
		getWorkflowDataProxy: () => ({ $thisRunIndex: options.runIndex ?? 0 }),
		continueOnFail: () => options.continueOnFail === true,
		getCredentials: async () => credentials,
		getNodeParameter(name: string, itemIndex: number, fallback?: unknown) {
			const value = resolveExpressions(getPath(parameters, name), items[itemIndex]?.json ?? {});
			if (value !== undefined) return value;
			if (fallback !== undefined) return fallback;
			throw new Error(`Could not get parameter "${name}"`);
		},
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => await authenticatedRequest(credentials, request, sent),
		},
	} as unknown as IExecuteFunctions;

	const [output] = await nodeType.execute.call(context);
	return { items: output, sent };
}

/** A load-options context for the node's `methods` (list search, drop-downs). */
/** `run(parameters, extra)`: runNode against one sandbox with its full-scope key, as most suites need. */
export function nodeRunner(sandbox: { url: string; apiKey: string }) {
	return (parameters: Record<string, unknown>, extra: Partial<HarnessOptions> = {}) =>
		runNode({ baseUrl: sandbox.url, apiKey: sandbox.apiKey, parameters: parameters as INodeParameters, ...extra });
}

export function loadOptionsContext(baseUrl: string, apiKey: string, sent: SentRequest[] = []): ILoadOptionsFunctions {
	const credentials: ICredentialDataDecryptedObject = { apiKey, baseUrl };
	return {
		getCredentials: async () => credentials,
		getNode: () => nodeOf({ baseUrl, apiKey, parameters: {} }, {}),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => await authenticatedRequest(credentials, request, sent),
		},
	} as unknown as ILoadOptionsFunctions;
}

export const linkkitNode = nodeType;

/** A resource-locator value as n8n saves it. */
export function byId(value: string): INodeParameterResourceLocator {
	return { __rl: true, mode: 'id', value };
}
