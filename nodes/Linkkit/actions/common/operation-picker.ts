/** The "Operation" drop-down every resource shows, and the five operations most resources share. */

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export type OperationOption = INodePropertyOptions & { action: string };

export function operationPicker(resource: string, options: OperationOption[], defaultOperation: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [...options].sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultOperation,
	};
}

/** Create, Delete, Get, Get Many, Update for a resource named `singular` / `plural` (e.g. tag / tags). */
export function crudOperations(singular: string, plural: string): OperationOption[] {
	return [
		{ name: 'Create', value: 'create', description: `Create a ${singular}`, action: `Create a ${singular}` },
		{ name: 'Delete', value: 'delete', description: `Delete a ${singular}`, action: `Delete a ${singular}` },
		{ name: 'Get', value: 'get', description: `Get a ${singular}`, action: `Get a ${singular}` },
		{ name: 'Get Many', value: 'getMany', description: `Get many ${plural}`, action: `Get many ${plural}` },
		{ name: 'Update', value: 'update', description: `Change a ${singular}`, action: `Update a ${singular}` },
	];
}
