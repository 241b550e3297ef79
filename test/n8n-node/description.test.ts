/** What people read in the node's panels: resources and operations in Linkkit's users' words, and the notes that matter. */

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { linkkitNode } from './harness';

const { description } = linkkitNode;
const properties = description.properties;

const operationsOf = (resource: string) =>
	(properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))?.options ?? []) as Array<INodePropertyOptions & { action?: string }>;

function fieldsOf(resource: string, operation: string): INodeProperties[] {
	return properties.filter((p) => p.displayOptions?.show?.resource?.includes(resource) && p.displayOptions?.show?.operation?.includes(operation));
}
const field = (resource: string, operation: string, name: string) => fieldsOf(resource, operation).find((p) => p.name === name)!;
const option = (collection: INodeProperties, name: string) => (collection.options as INodeProperties[]).find((o) => o.name === name)!;

const WRITES: Record<string, string[]> = {
	link: ['create', 'createOrUpdate', 'createMany', 'update', 'delete'],
	segment: ['create', 'update', 'delete', 'addLink', 'removeLink'],
	campaignSetting: ['create', 'update', 'delete'],
	tag: ['create', 'update', 'delete'],
	qrCode: ['create', 'update', 'delete'],
	conversion: ['trackLead', 'trackSale'],
};

it('is a tool for AI agents, with light and dark icons and the Linkkit API credential', () => {
	expect(description.usableAsTool).toBe(true);
	expect(description.icon).toEqual({ light: 'file:linkkit.svg', dark: 'file:linkkit.dark.svg' });
	expect(description.credentials).toEqual([{ name: 'linkkitApi', required: true }]);
});

it('offers the resources and operations in Linkkit users’ words, naming the API’s word where it differs', () => {
	const resources = (properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[]).map((o) => [o.name, o.value]);
	expect(resources).toEqual([
		['Analytics', 'analytics'],
		['Campaign Setting', 'campaignSetting'],
		['Conversion', 'conversion'],
		['Domain', 'domain'],
		['Link', 'link'],
		['QR Code', 'qrCode'],
		['Segment', 'segment'],
		['Tag', 'tag'],
		['Workspace', 'workspace'],
	]);
	const said = (value: string) => (properties.find((p) => p.name === 'resource')!.options as INodePropertyOptions[]).find((o) => o.value === value)!.description;
	expect(said('segment')).toMatch(/Linkkit API: lists/);
	expect(said('campaignSetting')).toMatch(/Linkkit API: UTM templates/);
	expect(said('tag')).toMatch(/Linkkit documents no way to attach them to links/);

	const names = (resource: string) => operationsOf(resource).map((o) => o.name);
	expect(names('link')).toEqual(['Create', 'Create Many', 'Create or Update', 'Delete', 'Get', 'Get Many', 'Update']);
	expect(names('segment')).toEqual(['Add Link', 'Create', 'Delete', 'Get', 'Get Many', 'Remove Link', 'Update']);
	for (const resource of ['campaignSetting', 'tag', 'qrCode']) expect(names(resource)).toEqual(['Create', 'Delete', 'Get', 'Get Many', 'Update']);
	expect(names('domain')).toEqual(['Get', 'Get Many']);
	expect(names('workspace')).toEqual(['Get Many']);
	expect(names('analytics')).toEqual(['Get Breakdown', 'Get Link Clicks', 'Get Summary', 'Get Timeseries']);
	expect(names('conversion')).toEqual(['Get Many', 'Track Lead', 'Track Sale']);
	for (const resource of Object.keys(WRITES).concat(['domain', 'workspace', 'analytics'])) {
		for (const operation of operationsOf(resource)) expect(operation.action).toBeTruthy();
	}
});

it('every write has Max Retries, Timeout (Seconds) and Max Wait on Rate Limit (Seconds); reads have none', () => {
	for (const [resource, operations] of Object.entries(WRITES)) {
		for (const operation of operations) {
			const options = (field(resource, operation, 'options').options as INodeProperties[]).map((o) => o.displayName);
			expect(options).toEqual(expect.arrayContaining(['Max Retries', 'Timeout (Seconds)', 'Max Wait on Rate Limit (Seconds)']));
		}
	}
	expect(fieldsOf('link', 'get').map((p) => p.name)).not.toContain('options');
	expect(fieldsOf('analytics', 'getSummary').map((p) => p.name)).not.toContain('options');
});

it('Link → Create explains its short code choices; Create Many says it outputs outcomes, not links', () => {
	expect(field('link', 'create', 'shortCode').hint).toMatch(/Leave empty for a 10-character code this node derives, so that no retry can ever create the link twice/);
	const options = field('link', 'create', 'options');
	expect(option(options, 'linkkitPicksCode').displayName).toBe('Let Linkkit Pick the Code');
	expect(option(options, 'linkkitPicksCode').hint).toMatch(/looks for the link among those created since before it sends the create again/);
	expect(option(options, 'duplicateProtectionId').displayName).toBe('Duplicate Protection ID');
	const notice = field('link', 'createMany', 'createManyNotice').displayName;
	expect(notice).toMatch(/Outputs each row's outcome — created, skipped .*, invalid .* or unknown — with the reason, not the links/);
	expect(notice).toMatch(/Use Create to get each link/);
	expect(fieldsOf('link', 'createMany').map((p) => p.name)).not.toContain('shortCode');
});

it('breakdowns and timeseries say they are computed', () => {
	expect(field('analytics', 'getBreakdown', 'computedNotice').displayName).toMatch(/^Computed by this node from the link's click events/);
	expect(field('analytics', 'getTimeseries', 'computedNotice').displayName).toMatch(/^Computed by this node .*periods without clicks included/);
	expect(operationsOf('analytics').find((o) => o.value === 'getBreakdown')!.description).toMatch(/computed/);
});

it('tracking says it needs the publishable key', () => {
	for (const operation of ['trackLead', 'trackSale']) expect(field('conversion', operation, 'publishableKeyNotice').displayName).toMatch(/publishable key \(pk_…\)/);
});

it('collections list their options alphabetically; placeholders are in title case', () => {
	const collections = properties.filter((p) => p.type === 'collection');
	for (const collection of collections) {
		const names = (collection.options as INodeProperties[]).map((o) => o.displayName);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(collection.placeholder).toMatch(/^Add( [A-Z][a-z]*)+$/);
	}
});
