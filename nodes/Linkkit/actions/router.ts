/** Sends a run to the operation the node is set to; each operation handles its own items. */

import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resources } from './resources';

type Operation = { execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[]> };

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const candidate = (resources as Record<string, Record<string, unknown>>)[resource]?.[operation] as Operation | undefined;
	if (!candidate || typeof candidate.execute !== 'function') {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported for "${resource}"`, {
			description: 'Open the node and choose the resource and operation again; this workflow may come from another version of the node.',
		});
	}
	return [await candidate.execute.call(this)];
}
