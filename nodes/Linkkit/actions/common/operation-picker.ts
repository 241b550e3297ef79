/** The "Operation" drop-down every resource shows, and the five operations campaigns and segments share. */

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

type OperationOption = INodePropertyOptions & { action: string };

export function operationPicker(resource: string, options: OperationOption[], defaultOperation: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
}

/** Create, Delete, Get, Get Many, Update for a resource named `singular` / `plural` (e.g. campaign / campaigns). */
export function crudOperations(singular: string, plural: string): OperationOption[] {
	return [
		{ name: 'Create', value: 'create', description: `Create a ${singular}`, action: `Create a ${singular}` },
		{ name: 'Delete', value: 'delete', description: `Delete a ${singular}`, action: `Delete a ${singular}` },
		{ name: 'Get', value: 'get', description: `Get a ${singular}`, action: `Get a ${singular}` },
		{ name: 'Get Many', value: 'getMany', description: `Get many ${plural}, newest first`, action: `Get many ${plural}` },
		{ name: 'Update', value: 'update', description: `Change a ${singular}`, action: `Update a ${singular}` },
	];
}
