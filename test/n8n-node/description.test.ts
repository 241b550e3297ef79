/** What people read in the node's panels: wording that fits each operation, required cells, sorted options. */
import type { INodeProperties } from 'n8n-workflow';

import { linkkitNode } from './harness';

const properties = linkkitNode.description.properties;

function field(name: string, operation: string, resource: string): INodeProperties {
	const found = properties.find(
		(p) => p.name === name && p.displayOptions?.show?.operation?.includes(operation) && p.displayOptions?.show?.resource?.includes(resource),
	);
	if (!found) throw new Error(`no ${resource} → ${operation} field ${name}`);
	return found;
}
const option = (collection: INodeProperties, name: string) => (collection.options as INodeProperties[]).find((o) => o.name === name)!;

describe('Link → Update fields', () => {
	const update = field('updateFields', 'update', 'link');
	const create = field('additionalFields', 'create', 'link');

	it('say what an empty or changed value does on Update, not what it does on Create', () => {
		expect(option(update, 'slug').description).toMatch(/Changing it stops the old short URL from working\.$/);
		expect(option(update, 'domain').description).not.toMatch(/Leave empty/);
		expect(option(update, 'segmentRoutes').description).toMatch(/Replaces all current routes/);
		expect(option(create, 'slug').description).toMatch(/Leave empty to get a generated one\.$/);
		expect(option(create, 'domain').description).toMatch(/Leave empty for your account’s default domain\.$/);
	});

	it('lists its options alphabetically, as Create does', () => {
		for (const collection of [update, create]) {
			const names = (collection.options as INodeProperties[]).map((o) => o.displayName);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
		expect((update.options as INodeProperties[]).map((o) => o.name)).toContain('destination');
	});

	it('requires both cells of a segment route row', () => {
		const routes = option(update, 'segmentRoutes') as unknown as { options: Array<{ values: INodeProperties[] }> };
		expect(routes.options[0].values.map((v) => [v.name, v.required])).toEqual([
			['segmentId', true],
			['destination', true],
		]);
	});
});

describe('Analytics and Click scope', () => {
	it('describes the Segment filter in terms of clicks, which fits a click list and click counts alike', () => {
		expect(field('segmentId', 'getMany', 'click').description).toMatch(/^Only clicks by visitors who match this segment\./);
	});

	it('says a breakdown by Link of one link is a single row', () => {
		const dimension = field('dimension', 'getBreakdown', 'analytics');
		const link = (dimension.options as Array<{ value: string; description?: string }>).find((o) => o.value === 'link');
		expect(link?.description).toMatch(/One Link.*single row/);
	});
});

describe('Placeholders', () => {
	it('every collection and fixed collection placeholder is in title case ("Add Option", not "Add option")', () => {
		const placeholders = properties.filter((p) => p.type === 'collection' || p.type === 'fixedCollection').map((p) => p.placeholder);
		expect(placeholders.filter((p) => p && !/^Add( [A-Z][a-z]*)+$/.test(p))).toEqual([]);
	});
});

describe('Segment fields', () => {
	it('explain Name, Description and each rule cell; the rule column keeps its saved name `field`', () => {
		expect(field('name', 'create', 'segment').description).toBeTruthy();
		expect(option(field('additionalFields', 'create', 'segment'), 'description').description).toBeTruthy();
		const rules = field('rules', 'create', 'segment') as unknown as { options: Array<{ values: INodeProperties[] }> };
		const [property, , value] = rules.options[0].values;
		expect([property.name, property.displayName]).toEqual(['field', 'Visitor Property']);
		expect(value.description).toMatch(/DE.*desktop, mobile or tablet.*news\.ycombinator\.com/);
	});
});

