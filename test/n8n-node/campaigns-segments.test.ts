/** Campaign and Segment operations of the Linkkit node against the sandbox over HTTP. */


import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { byId, nodeRunner, type SentRequest } from './harness';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => await sandbox.stop());

const run = (...args: Parameters<ReturnType<typeof nodeRunner>>) => nodeRunner(sandbox)(...args);

describe('Campaign', () => {
	it('create, get, get many, update, delete; a link created in it inherits its UTM values', async () => {
		const created = await run({
			resource: 'campaign',
			operation: 'create',
			name: 'Node Spring 2026',
			additionalFields: { status: 'paused', utmSource: 'newsletter', startsAt: '2026-03-01', endsAt: '2026-04-01' },
		});
		const campaign = created.items[0].json;
		expect(campaign).toMatchObject({ name: 'Node Spring 2026', status: 'paused', startsAt: '2026-03-01T00:00:00.000Z' });
		expect(campaign.utm).toMatchObject({ source: 'newsletter' });

		const link = await run(
			{ resource: 'link', operation: 'create', destination: 'https://example.com/in-campaign', additionalFields: { campaignId: byId(campaign.id as string) } },
			{ executionId: 'exec-campaign-link' },
		);
		expect(link.items[0].json).toMatchObject({ campaignId: campaign.id, utm: expect.objectContaining({ source: 'newsletter' }) });

		expect((await run({ resource: 'campaign', operation: 'get', campaignId: byId(campaign.id as string) })).items[0].json).toEqual({
			...campaign,
			linkCount: 1,
			updatedAt: expect.any(String),
		});
		const found = await run({ resource: 'campaign', operation: 'getMany', returnAll: true, filters: { search: 'node spring' } });
		expect(found.items.map((i) => i.json.id)).toEqual([campaign.id]);
		const limited = await run({ resource: 'campaign', operation: 'getMany', limit: 2 });
		expect(limited.items).toHaveLength(2);

		const updated = await run({ resource: 'campaign', operation: 'update', campaignId: byId(campaign.id as string), updateFields: { status: 'active', name: 'Node Spring 2026 (live)' } });
		expect(updated.items[0].json).toMatchObject({ id: campaign.id, status: 'active', name: 'Node Spring 2026 (live)' });

		expect((await run({ resource: 'campaign', operation: 'delete', campaignId: byId(campaign.id as string) })).items[0].json).toEqual({ id: campaign.id, deleted: true });
		await expect(run({ resource: 'campaign', operation: 'get', campaignId: byId(campaign.id as string) })).rejects.toMatchObject({ name: 'NodeApiError' });
	});

	it('an update with nothing to change is refused before sending', async () => {
		const sent: SentRequest[] = [];
		await expect(run({ resource: 'campaign', operation: 'update', campaignId: byId('cmp_abc'), updateFields: {} }, { sent })).rejects.toThrow(
			/give at least one field to change/,
		);
		expect(sent).toHaveLength(0);
	});
});

describe('Segment', () => {
	it('create with rules, get, get many, update rules, delete', async () => {
		const created = await run({
			resource: 'segment',
			operation: 'create',
			name: 'Node German mobile',
			match: 'all',
			rules: { rule: [{ field: 'country', operator: 'is', value: 'DE' }, { field: 'device', operator: 'is', value: 'mobile' }] },
		});
		const segment = created.items[0].json;
		expect(segment).toMatchObject({
			name: 'Node German mobile',
			match: 'all',
			rules: [{ field: 'country', operator: 'is', value: 'DE' }, { field: 'device', operator: 'is', value: 'mobile' }],
		});
		expect((await run({ resource: 'segment', operation: 'get', segmentId: byId(segment.id as string) })).items[0].json).toEqual(segment);
		const found = await run({ resource: 'segment', operation: 'getMany', returnAll: true, filters: { search: 'node german' } });
		expect(found.items.map((i) => i.json.id)).toEqual([segment.id]);

		const updated = await run({
			resource: 'segment',
			operation: 'update',
			segmentId: byId(segment.id as string),
			updateFields: { match: 'any', rules: { rule: [{ field: 'language', operator: 'contains', value: 'de' }] } },
		});
		expect(updated.items[0].json).toMatchObject({ match: 'any', rules: [{ field: 'language', operator: 'contains', value: 'de' }] });
		expect((await run({ resource: 'segment', operation: 'delete', segmentId: byId(segment.id as string) })).items[0].json).toEqual({ id: segment.id, deleted: true });
	});

	it('a segment without rules is refused before sending, naming the field', async () => {
		const sent: SentRequest[] = [];
		const error = await run({ resource: 'segment', operation: 'create', name: 'Empty' }, { sent }).catch((e: unknown) => e);
		expect(error).toMatchObject({ name: 'NodeOperationError' });
		expect((error as Error).message).toMatch(/^Rules: needs at least one rule/);
		expect(sent).toHaveLength(0);
	});
});
