/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only test code, never shipped in the n8n package */
/**
 * The example workflows (examples/*.json) use the node as it is now: n8n finds no parameter issues in their Linkkit
 * action nodes other than the pickers a person fills in after importing, and their Linkkit steps do what the
 * examples say against the sandbox.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INode, INodeParameters, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { NODE_TYPE, nodeTypes } from '../support/n8n-engine';
import { byCode, nodeRunner } from './harness';

const examples = ['bulk-shorten-rows', 'weekly-click-report', 'notify-on-click-milestone', 'ai-agent-linkkit-tool'];
const load = (name: string) => JSON.parse(readFileSync(join(__dirname, '../../examples', `${name}.json`), 'utf8')) as { nodes: INode[] };
/** Linkkit nodes of an example, with the node type each is (the AI Agent's tool variant is the action node). */
const linkkitNodes = (name: string) =>
	load(name)
		.nodes.filter((node) => node.type.startsWith('n8n-nodes-linkkit.'))
		.map((node) => ({ node, type: nodeTypes.getByName(node.type === NODE_TYPE.trigger ? NODE_TYPE.trigger : NODE_TYPE.action) }));
const parametersOf = (name: string, nodeName: string) => load(name).nodes.find((node) => node.name === nodeName)!.parameters;

/** The pickers each example leaves for the person importing it. */
const leftToFill: Record<string, string[]> = { 'Countries of the main link': ['link'], 'Link reaches 1000 clicks': ['milestoneSegment'] };

it.each(examples)('%s: n8n sees no parameter issues in its Linkkit nodes but the pickers left to fill', (name) => {
	const found = linkkitNodes(name);
	expect(found.length).toBeGreaterThan(0);
	for (const { node, type } of found) {
		const description = type.description as INodeTypeDescription;
		const withDefaults = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) as INodeParameters;
		const issues = NodeHelpers.getNodeParametersIssues(description.properties, { ...node, parameters: withDefaults }, description);
		expect([node.name, Object.keys(issues?.parameters ?? {}).sort()]).toEqual([node.name, (leftToFill[node.name] ?? []).sort()]);
	}
});

describe('against the sandbox', () => {
	let sandbox: RunningSandbox;
	beforeAll(async () => {
		sandbox = await startTestSandbox({ rateLimitHeaders: 'full' });
	});
	afterAll(async () => await sandbox.stop());
	const run = (...args: Parameters<ReturnType<typeof nodeRunner>>) => nodeRunner(sandbox)(...args);

	it('bulk-shorten-rows imports the 250 rows in one request, one outcome per row', async () => {
		const rows: IDataObject[] = Array.from({ length: 250 }, (_, i) => ({ url: `https://example.com/products/${i + 1}?ref=newsletter`, title: `Product ${i + 1}` }));
		const { items } = await run(parametersOf('bulk-shorten-rows', 'Import short links'), { items: rows });
		expect(items.filter((item) => item.json.status === 'created')).toHaveLength(250);
		expect(sandbox.stats.current().byRoute['POST /v1/links/bulk']).toBe(1);
	});

	it('weekly-click-report: the totals, then the main link’s countries', async () => {
		const [summary] = (await run(parametersOf('weekly-click-report', 'Workspace totals, last 7 days'))).items;
		expect(summary.json).toMatchObject({ total_clicks: expect.any(Number), total_links: expect.any(Number) });
		const code = (await nodeRunner(sandbox)({ resource: 'link', operation: 'getMany', limit: 1 })).items[0].json.short_code as string;
		sandbox.injectClicks(code, 3);
		const countries = await run({ ...parametersOf('weekly-click-report', 'Countries of the main link'), link: byCode(code) });
		expect(countries.items.find((item) => item.json.value === 'DE')?.json).toMatchObject({ computed: true, short_code: code });
	});
});
