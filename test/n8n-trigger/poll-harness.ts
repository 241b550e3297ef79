/**
 * An honest stand-in for n8n's poll context, to run the real Linkkit Trigger node class's `poll()` against the sandbox
 * over HTTP in-process (the real-n8n suite, test/n8n-e2e, remains the final judge of activation and scheduling).
 *
 * What is real: the node class and everything under it; parameter defaults and display rules from n8n-workflow's
 * `NodeHelpers.getNodeParameters`; requests over HTTP with the credential's declared Bearer header (the action node
 * harness's `authenticatedRequest`); one static-data object that persists across polls, as n8n keeps it per node.
 * What is simplified: no expressions, no workflow around the node; `returnJsonArray` wraps objects as n8n-core does.
 */

import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions, INode, INodeExecutionData, INodeParameters, IPollFunctions } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { LinkkitTrigger } from '../../nodes/LinkkitTrigger/LinkkitTrigger.node';
import { authenticatedRequest, type SentRequest } from '../n8n-node/harness';

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

const nodeType = new LinkkitTrigger();

/** Runs one poll and returns the items of its single output, or null when n8n would not start the workflow. */
export async function poll(options: PollOptions): Promise<IDataObject[] | null> {
	const description = nodeType.description;
	const parameters = NodeHelpers.getNodeParameters(description.properties, options.parameters, true, false, { typeVersion: 1 }, description) ?? {};
	const node: INode = { id: 'trigger-1', name: 'Linkkit Trigger', type: 'n8n-nodes-linkkit.linkkitTrigger', typeVersion: 1, position: [0, 0], parameters };
	const credentials: ICredentialDataDecryptedObject = { apiKey: options.apiKey, baseUrl: options.baseUrl };

	const context = {
		getMode: () => options.mode,
		getNode: () => node,
		getCredentials: async () => credentials,
		getWorkflowStaticData: (type: string) => {
			if (type !== 'node') throw new Error(`the trigger asked for "${type}" static data; only "node" is kept here`);
			return options.staticData;
		},
		getNodeParameter(name: string, fallback?: unknown) {
			const value = parameters[name];
			if (value !== undefined) return value;
			if (fallback !== undefined) return fallback;
			throw new Error(`Could not get parameter "${name}"`);
		},
		helpers: {
			httpRequestWithAuthentication: async (_type: string, request: IHttpRequestOptions) => await authenticatedRequest(credentials, request, options.sent),
			returnJsonArray: (data: IDataObject | IDataObject[]): INodeExecutionData[] => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		},
	} as unknown as IPollFunctions;

	const output = await nodeType.poll.call(context);
	if (output === null) return null;
	if (output.length !== 1) throw new Error(`the trigger has one output, but poll() returned ${output.length}`);
	return output[0].map((item) => item.json);
}
