/**
 * What the in-process harness takes from n8n's engine (n8n-core's WorkflowExecute) rather than imitating it: each of
 * these would pass against a hand-written stand-in only if the stand-in re-implemented n8n.
 */

import { collect } from '../../core';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { nodeRunner, type SentRequest } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => await sandbox.stop());

const run = (...args: Parameters<ReturnType<typeof nodeRunner>>) => nodeRunner(sandbox)(...args);
const linksTo = async (search: string) => {
	const { client } = realClient(sandbox.url, sandbox.apiKey);
	return await collect(client.links.iterate({ search }, { returnAll: true }));
};

it("n8n's expression language: extension functions, $execution and $itemIndex resolve per item", async () => {
	const tag = `expr-${Date.now()}`;
	const result = await run(
		{
			resource: 'link',
			operation: 'create',
			destination: `={{ "https://engine.example.org/${tag}/" + $json.name.toSnakeCase() }}`,
			additionalFields: { title: '={{ $json.name.toTitleCase() }} #{{ $itemIndex }} ({{ $execution.id }})' },
		},
		{ items: [{ name: 'spring sale' }, { name: 'summer deals' }], executionId: 'exec-expr' },
	);
	expect(result.items.map((item) => [item.json.destination, item.json.title])).toEqual([
		[`https://engine.example.org/${tag}/spring_sale`, 'Spring Sale #0 (exec-expr)'],
		[`https://engine.example.org/${tag}/summer_deals`, 'Summer Deals #1 (exec-expr)'],
	]);
});

it("n8n's run index: the node run again in a loop of the same execution creates again; the same run does not", async () => {
	const destination = `https://engine.example.org/loop-${Date.now()}`;
	const parameters = { resource: 'link', operation: 'create', destination };
	const first = await run(parameters, { executionId: 'exec-loop', runIndex: 0 });
	const again = await run(parameters, { executionId: 'exec-loop', runIndex: 0 });
	const secondLoop = await run(parameters, { executionId: 'exec-loop', runIndex: 1 });
	expect(again.items[0].json.id).toBe(first.items[0].json.id);
	expect(secondLoop.items[0].json.id).not.toBe(first.items[0].json.id);
	expect(await linksTo(destination)).toHaveLength(2);
});

it("n8n's paired items: several outputs per input item each point at the item they came from", async () => {
	const result = await run({ resource: 'link', operation: 'getMany', limit: '={{ $json.take }}' }, { items: [{ take: 2 }, { take: 3 }] });
	expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }, { item: 1 }]);
});

it("the credential's authenticate block, applied by n8n, is what Linkkit accepts; the node itself never sets the key", async () => {
	const sent: SentRequest[] = [];
	const ok = await run({ resource: 'link', operation: 'getMany', limit: 1 }, { sent });
	expect(ok.items).toHaveLength(1);
	expect(sent).toHaveLength(1);
	expect(Object.keys(sent[0].headers).map((name) => name.toLowerCase())).not.toContain('authorization');

	const wrongKey = await nodeRunner({ url: sandbox.url, apiKey: 'lk_test_wrong' })({ resource: 'link', operation: 'getMany', limit: 1 }).catch((e: unknown) => e);
	expect(wrongKey).toMatchObject({ name: 'NodeApiError', httpCode: '401' });
});

it('Continue On Fail set on the node (n8n\'s "On Error: Continue") keeps the run going with an error item in place', async () => {
	const result = await run({ resource: 'link', operation: 'get', linkId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } }, {
		items: [{ id: 'lnk_doesnotexist' }, { id: (await linksTo(''))[0].id }],
		continueOnFail: true,
	});
	expect(result.items[0]).toMatchObject({ json: { httpCode: '404' }, pairedItem: { item: 0 } });
	expect(result.items[1]).toMatchObject({ json: { id: expect.stringMatching(/^lnk_/) }, pairedItem: { item: 1 } });
});
