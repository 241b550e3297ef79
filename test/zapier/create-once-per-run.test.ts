/**
 * A create makes one object per Zap run and never two for one run. Runs get fresh Idempotency-Keys; a step that
 * ended without a definite answer leaves its key in z.cache (createAppTester's stand-in keeps it per tester, as
 * Zapier keeps it per connection), so Zapier's rerun of that step sends the same key and Linkkit replays the first
 * success. Answers are lost for real: a proxy on 127.0.0.1 lets the POST reach the sandbox and drops the reply.
 */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { app, failureOf, zapierCore } from './support/app';
import { startLossyProxy, type LossyProxy } from './support/lossy-proxy';

let sandbox: RunningSandbox;
let proxy: LossyProxy;

beforeAll(async () => {
	sandbox = await startTestSandbox();
	proxy = await startLossyProxy(sandbox.url);
});
afterEach(() => {
	proxy.script([]);
	sandbox.setFaults({ next: [] });
});
afterAll(async () => {
	await proxy.stop();
	await sandbox.stop();
});

type Item = Record<string, unknown>;
type Counted = 'links' | 'campaigns' | 'segments';

/** One Zap step as Zapier would run it, again and again: same tester, so the same z.cache between runs. */
function zapStep(key: string) {
	const tester = zapierCore.createAppTester(app);
	const perform = (app.creates as Record<string, { operation: { perform: unknown } }>)[key].operation.perform;
	return (inputData: Item) =>
		tester(perform as never, { authData: { apiKey: sandbox.apiKey, baseUrl: proxy.url }, inputData, meta: { zap: { id: 'zap_1' } } } as never) as Promise<Item>;
}

test('two runs of a Zap with the same input create two links (one per form entry, not one a day)', async () => {
	const run = zapStep('create_link');
	const before = sandbox.counts().links;
	const first = await run({ destination: 'https://example.com/fixed-target' });
	const second = await run({ destination: 'https://example.com/fixed-target' });
	expect(second.id).not.toBe(first.id);
	expect(sandbox.counts().links).toBe(before + 2);
});

test('two runs with the same input at the same moment still create two links', async () => {
	const run = zapStep('create_link');
	const before = sandbox.counts().links;
	const [a, b] = await Promise.all([run({ destination: 'https://example.com/same-moment' }), run({ destination: 'https://example.com/same-moment' })]);
	expect(a.id).not.toBe(b.id);
	expect(sandbox.counts().links).toBe(before + 2);
});

test.each([
	['create_link', 'links', () => ({ destination: 'https://example.com/lost-answer' })],
	['create_campaign', 'campaigns', () => ({ name: `Lost answer ${Date.now()}` })],
	['create_segment', 'segments', () => ({ name: `Lost answer ${Date.now()}`, rules: [{ field: 'device', operator: 'is', value: 'mobile' }] })],
] as Array<[string, Counted, () => Item]>)('%s: a step whose answers were all lost fails; Zapier\'s rerun gets the object made the first time', async (key, counted, input) => {
	const run = zapStep(key);
	const inputData = input();
	const before = sandbox.counts()[counted];
	// The first POST creates the object, its answer is lost; the three retries inside the step are lost too.
	proxy.script(['lose', 'lose', 'lose', 'lose']);
	const failed = await failureOf(run(inputData));
	expect(failed.code).toBe('network_error');
	expect(sandbox.counts()[counted]).toBe(before + 1);
	const rerun = await run(inputData);
	expect(String(rerun.id)).toMatch(/^(lnk|cmp|seg)_/);
	expect(sandbox.counts()[counted]).toBe(before + 1);
	// That run is settled now: the next run with the same input is a new run, and creates.
	if (key === 'create_link') {
		const next = await run(inputData);
		expect(next.id).not.toBe(rerun.id);
		expect(sandbox.counts()[counted]).toBe(before + 2);
	}
}, 30_000);

test('inside one step: Linkkit makes the link but answers 500 (sandbox fault commit-500); the step\'s retry gets that link back', async () => {
	const run = zapStep('create_link');
	const before = sandbox.counts().links;
	sandbox.setFaults({ next: [{ kind: 'commit-500' }] });
	const created = await run({ destination: 'https://example.com/commit-500' });
	expect(created.destination).toBe('https://example.com/commit-500');
	expect(sandbox.counts().links).toBe(before + 1);
});

test('a ThrottledError after a lost answer: Zapier\'s rerun gets the first link back, nothing is created twice', async () => {
	const run = zapStep('create_link');
	const inputData = { destination: 'https://example.com/throttled-rerun', title: 'Throttled' };
	const before = sandbox.counts().links;
	proxy.script(['lose', { status: 429, retryAfter: 60 }]);
	const throttled = await failureOf(run(inputData));
	expect(throttled).toMatchObject({ name: 'ThrottledError', delay: 60 });
	expect(sandbox.counts().links).toBe(before + 1);
	const rerun = await run(inputData);
	expect(rerun).toMatchObject({ destination: 'https://example.com/throttled-rerun', title: 'Throttled' });
	expect(sandbox.counts().links).toBe(before + 1);
});

test('a refused create leaves nothing behind: once the taken slug is freed, running the step again creates the link', async () => {
	const run = zapStep('create_link');
	const slug = `wanted-${Date.now()}`;
	const holder = await run({ destination: 'https://example.com/holder', slug });
	const inputData = { destination: 'https://example.com/wants-it', slug };
	const refused = await failureOf(run(inputData));
	expect(refused.status).toBe(409);
	await zapierCore.createAppTester(app)(app.creates.delete_link.operation.perform as never, {
		authData: { apiKey: sandbox.apiKey, baseUrl: sandbox.url },
		inputData: { linkId: holder.id },
	} as never);
	const created = await run(inputData);
	expect(created).toMatchObject({ slug, destination: 'https://example.com/wants-it' });
});

test('each create says what a rerun does', () => {
	for (const [key, noun] of [['create_link', 'link'], ['create_campaign', 'campaign'], ['create_segment', 'segment']]) {
		const description = app.creates[key].display.description;
		expect(description).toContain(`Each Zap run creates its own ${noun}, even with the same input as an earlier run.`);
		expect(description).toContain(`When Zapier runs a failed or delayed step again, it never makes a second ${noun}: the first one is returned.`);
	}
});
