/**
 * Zapier creates when Linkkit carried out the first attempt but its answer was lost (`commit-drop`), replaced by a 500
 * (`commit-500`) or never came (`stall`, abandoned at the request timeout): the step succeeds with the right output
 * and the sandbox holds one object, never two (a deleted link is gone).
 */
import type { FaultKind } from '../../sandbox';
import { REQUEST_TIMEOUT_MS, requestTimeout } from '../../zapier/src/client';
import { STEP_LIMIT_MS, StepBudget } from '../../zapier/src/step-budget';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { appRunner } from './support/app';

let sandbox: RunningSandbox;
let run: ReturnType<typeof appRunner>;

beforeAll(async () => {
	sandbox = await startTestSandbox();
	run = appRunner(sandbox);
	await run('triggers.new_link.operation.perform', { meta: { limit: 1 } });
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

type Item = Record<string, unknown>;
const create = (key: string) => `creates.${key}.operation.perform`;
const zap = { zap: { id: 4242 } };
const faultNext = (kind: FaultKind) => sandbox.setFaults({ stallMs: 30_000, next: [{ kind }] });

describe.each<FaultKind>(['commit-drop', 'commit-500'])('%s on the first attempt', (kind) => {
	test('Create Link, Create Campaign and Create Segment: one object each, the step answers with it', async () => {
		const before = sandbox.counts();
		faultNext(kind);
		const link = await run<Item>(create('create_link'), { inputData: { destination: `https://example.com/zap/${kind}`, slug: `zap-${kind}` }, meta: zap });
		expect(link).toMatchObject({ destination: `https://example.com/zap/${kind}`, slug: `zap-${kind}` });
		faultNext(kind);
		const campaign = await run<Item>(create('create_campaign'), { inputData: { name: `Zap ${kind}` } });
		expect(campaign).toMatchObject({ name: `Zap ${kind}` });
		faultNext(kind);
		const segment = await run<Item>(create('create_segment'), {
			inputData: { name: `Zap ${kind}`, match: 'all', rules: [{ field: 'country', operator: 'is', value: 'DE' }] },
			meta: zap,
		});
		expect(segment).toMatchObject({ name: `Zap ${kind}` });
		expect(sandbox.counts()).toMatchObject({ links: before.links + 1, campaigns: before.campaigns + 1, segments: before.segments + 1 });
	});

	test('Update Link shows the change; Delete Link succeeds and the link is gone', async () => {
		const link = await run<Item>(create('create_link'), { inputData: { destination: 'https://example.com/zap/change' } });
		faultNext(kind);
		expect(await run<Item>(create('update_link'), { inputData: { linkId: link.id, title: 'Changed' } })).toMatchObject({ id: link.id, title: 'Changed' });
		const before = sandbox.counts().links;
		faultNext(kind);
		expect(await run<Item>(create('delete_link'), { inputData: { linkId: link.id } })).toEqual({ id: link.id, deleted: true });
		expect(sandbox.counts().links).toBe(before - 1);
	});
});

test(`a stalled create is abandoned after ${REQUEST_TIMEOUT_MS / 1000} s and retried within the step: one link`, async () => {
	const before = sandbox.counts().links;
	faultNext('stall');
	const started = Date.now();
	const link = await run<Item>(create('create_link'), { inputData: { destination: 'https://example.com/zap/stall' }, meta: zap });
	expect(link).toMatchObject({ destination: 'https://example.com/zap/stall' });
	expect(Date.now() - started).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
	expect(Date.now() - started).toBeLessThan(STEP_LIMIT_MS);
	expect(sandbox.counts().links).toBe(before + 1);
}, 40_000);

test("each request's timeout fits what is left of Zapier's 30 s step", () => {
	let now = 0;
	const budget = new StepBudget(() => now);
	expect(requestTimeout(REQUEST_TIMEOUT_MS, budget)).toBe(REQUEST_TIMEOUT_MS);
	now = 20_000;
	// 4 s of the 24 s budget left, plus the 6 s reserve, less a 2 s margin: the request ends by second 28.
	expect(requestTimeout(REQUEST_TIMEOUT_MS, budget)).toBe(8_000);
	expect(now + requestTimeout(REQUEST_TIMEOUT_MS, budget)).toBeLessThan(STEP_LIMIT_MS);
	// The waiting budget is used up at second 24: a request sent then still ends 2 s before Zapier's limit.
	now = 24_000;
	expect(requestTimeout(REQUEST_TIMEOUT_MS, budget)).toBe(4_000);
	expect(now + requestTimeout(REQUEST_TIMEOUT_MS, budget)).toBe(STEP_LIMIT_MS - 2_000);
});
