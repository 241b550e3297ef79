/**
 * Names users' saved workflows and Zaps depend on: n8n parameter names and option values, credential
 * fields, node names; Zapier trigger/create/search keys and input field keys. Renaming one breaks
 * existing workflows silently, so any change here must be deliberate: the snapshot shows it in review.
 */
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';
import { LinkkitApi } from '../../credentials/LinkkitApi.credentials';
import { Linkkit } from '../../nodes/Linkkit/Linkkit.node';
import { LinkkitTrigger } from '../../nodes/LinkkitTrigger/LinkkitTrigger.node';
import { app } from '../zapier/support/app';

type Option = INodeProperties | INodePropertyOptions | INodePropertyCollection;

/** `resource`, `operation=create|get`, `additionalFields.slug`, locator modes as `campaignId#list|id`. */
function n8nNames(properties: INodeProperties[], prefix = ''): string[] {
	const out = new Set<string>();
	for (const p of properties) {
		const path = `${prefix}${p.name}`;
		if (p.type === 'options' || p.type === 'multiOptions') {
			const values = (p.options ?? []).map((o) => String((o as INodePropertyOptions).value)).sort();
			out.add(`${path}=${values.join('|')}`);
		} else if (p.type === 'resourceLocator') {
			out.add(`${path}#${(p.modes ?? []).map((m) => m.name).sort().join('|')}`);
		} else if (p.type === 'collection') {
			for (const name of n8nNames((p.options ?? []) as INodeProperties[], `${path}.`)) out.add(name);
		} else if (p.type === 'fixedCollection') {
			for (const group of (p.options ?? []) as Option[]) {
				const values = (group as INodePropertyCollection).values ?? [];
				for (const name of n8nNames(values, `${path}.${group.name}.`)) out.add(name);
			}
		} else {
			out.add(path);
		}
	}
	return [...out].sort();
}

type ZapierOperation = { key: string; operation: { inputFields?: Array<{ key?: string } | ((...args: never[]) => unknown)> } };

function zapierNames(kind: 'triggers' | 'creates' | 'searches'): Record<string, string[]> {
	const ops = (app as unknown as Record<string, Record<string, ZapierOperation>>)[kind];
	return Object.fromEntries(
		Object.entries(ops)
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([key, op]) => [
				key,
				(op.operation.inputFields ?? []).map((f) => (typeof f === 'function' ? '(dynamic fields)' : String(f.key))),
			]),
	);
}

describe('names that saved workflows and Zaps depend on', () => {
	it('n8n: node and credential names, parameters and option values', () => {
		const credential = new LinkkitApi();
		expect({
			credential: { name: credential.name, fields: credential.properties.map((p) => p.name) },
			linkkit: { name: new Linkkit().description.name, parameters: n8nNames(new Linkkit().description.properties) },
			linkkitTrigger: { name: new LinkkitTrigger().description.name, parameters: n8nNames(new LinkkitTrigger().description.properties) },
		}).toMatchSnapshot();
	});

	it('Zapier: operation keys and input field keys', () => {
		const auth = (app as unknown as { authentication: { fields: Array<{ key: string }> } }).authentication;
		expect({
			authentication: auth.fields.map((f) => f.key),
			triggers: zapierNames('triggers'),
			creates: zapierNames('creates'),
			searches: zapierNames('searches'),
			searchOrCreates: Object.keys((app as unknown as { searchOrCreates?: object }).searchOrCreates ?? {}).sort(),
		}).toMatchSnapshot();
	});
});
