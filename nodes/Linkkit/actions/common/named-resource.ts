/**
 * Segments (the API's lists), tags and campaign settings (the API's UTM templates) work alike in Linkkit — a whole list,
 * and create / get / update / delete by ID — and alike in the core (core/resources/named-collection.ts). Their five
 * operations are built here once, from what differs: the words, the fields and the core's API for each.
 */

import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { LinkkitClient } from '../../../../core';
import { asJson, runPerItem } from './execution';
import { ledgerKey, onceInRun } from './execution-ledger';
import { byLabel, writeOptionsField } from './fields';
import { emitWhole, pagingFields, readPaging } from './get-many';
import { idOf, locatorField, type LocatorKind } from './locators';

interface NamedApi {
	list(): Promise<object[]>;
	get(id: unknown): Promise<object>;
	create(input: Record<string, unknown>): Promise<object>;
	update(id: unknown, input: Record<string, unknown>): Promise<object>;
	delete(id: unknown): Promise<object>;
}

export interface NamedResourceSpec {
	resource: string;
	/** People's word, e.g. "campaign setting". */
	singular: string;
	/** The picker's parameter name, also the core's name for the ID (e.g. `segmentId`). */
	idField: string;
	kind: Exclude<LocatorKind, 'link' | 'customDomain'>;
	/** The picker's label, e.g. "Campaign Setting". */
	label: string;
	api: (client: LinkkitClient) => NamedApi;
	/** Optional fields besides Name, in the core's (the API's) names. */
	fields: INodeProperties[];
}

type Operation = { description: INodeProperties[]; execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[]> };

const nameField = (spec: NamedResourceSpec): INodeProperties => ({
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	description: `The ${spec.singular}'s name`,
});

const picker = (spec: NamedResourceSpec): INodeProperties =>
	locatorField(spec.kind, { displayName: spec.label, name: spec.idField, required: true, description: `The ${spec.singular} to use` });

function show(spec: NamedResourceSpec, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return updateDisplayOptions({ show: { resource: [spec.resource], operation: [operation] } }, properties);
}

export function namedCreate(spec: NamedResourceSpec): Operation {
	return {
		description: show(spec, 'create', [
			nameField(spec),
			{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: spec.fields },
			writeOptionsField,
		]),
		async execute(this: IExecuteFunctions) {
			return await runPerItem<Record<string, unknown>>(this, {
				read: (itemIndex) => ({ ...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject), name: this.getNodeParameter('name', itemIndex) }),
				// A lost answer is looked for by the core; a repeat of the node run gets the recorded result back.
				run: async (client, input, itemIndex) =>
					await onceInRun(this, ledgerKey(`${spec.resource}.create`, itemIndex, input), async () => asJson(await spec.api(client).create(input))),
			});
		},
	};
}

export function namedGet(spec: NamedResourceSpec): Operation {
	return {
		description: show(spec, 'get', [picker(spec)]),
		async execute(this: IExecuteFunctions) {
			return await runPerItem(this, {
				read: (itemIndex) => idOf(this.getNodeParameter(spec.idField, itemIndex), spec.idField, spec.kind),
				run: async (client, id) => asJson(await spec.api(client).get(id)),
			});
		},
	};
}

export function namedGetMany(spec: NamedResourceSpec): Operation {
	return {
		description: show(spec, 'getMany', pagingFields),
		async execute(this: IExecuteFunctions) {
			return await runPerItem(this, {
				read: (itemIndex) => readPaging(this, itemIndex),
				// Linkkit answers the whole list, sorted by name.
				run: async (client, paging) => emitWhole(await spec.api(client).list(), paging),
			});
		},
	};
}

export function namedUpdate(spec: NamedResourceSpec): Operation {
	const updateFields: INodeProperties = {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: byLabel([{ ...nameField(spec), required: false, description: `The ${spec.singular}'s new name` }, ...spec.fields]),
	};
	return {
		description: show(spec, 'update', [picker(spec), updateFields, writeOptionsField]),
		async execute(this: IExecuteFunctions) {
			return await runPerItem(this, {
				read: (itemIndex) => ({
					id: idOf(this.getNodeParameter(spec.idField, itemIndex), spec.idField, spec.kind),
					fields: this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
				}),
				run: async (client, { id, fields }) => asJson(await spec.api(client).update(id, fields)),
			});
		},
	};
}

export function namedDelete(spec: NamedResourceSpec): Operation {
	return {
		description: show(spec, 'delete', [picker(spec), writeOptionsField]),
		async execute(this: IExecuteFunctions) {
			return await runPerItem(this, {
				read: (itemIndex) => idOf(this.getNodeParameter(spec.idField, itemIndex), spec.idField, spec.kind),
				run: async (client, id) => asJson(await spec.api(client).delete(id)),
			});
		},
	};
}
