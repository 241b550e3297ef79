/* eslint-disable no-console -- the soak's counts are its report */
/**
 * Create Link makes one link per Zap run and never two for one run, with the app tester: its z.cache stand-in lives
 * as long as the tester, as Zapier's lives per connection, so "Zapier runs the step again" is the same perform with
 * the same input on the same tester. Answers are lost for real by the sandbox: `commit-drop` carries the create out
 * and drops the connection, `commit-500` carries it out and answers 500, `stall` never answers.
 */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { appRunner, failureOf, type Item } from './support/app';
import { countSoak, CREATE_FAULTS, soakCreates } from './support/soak';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterEach(() => sandbox.reset());
afterAll(() => sandbox.stop());

/** One Zap's Create Link step, run as often as asked: one tester (one z.cache) and one Zap id. */
function zapStep(zapId = 'zap_create_once') {
	const run = appRunner(sandbox);
	return (inputData: Item) => run<Item>('creates.create_link.operation.perform', { inputData, meta: { zap: { id: zapId } } });
}

const PUT = { match: undefined as string | undefined };
const onPut = (kind: 'commit-drop' | 'commit-500' | 'stall' | '429', extra: object = {}) => ({ kind, ...extra, ...PUT });

test('two runs of a Zap with the same input create two links (one per form entry), also at the same moment', async () => {
	const step = zapStep();
	const before = sandbox.counts().links;
	const first = await step({ original_url: 'https://example.com/once/same-input' });
	const second = await step({ original_url: 'https://example.com/once/same-input' });
	const [third, fourth] = await Promise.all([step({ original_url: 'https://example.com/once/same-input' }), step({ original_url: 'https://example.com/once/same-input' })]);
	expect(new Set([first.id, second.id, third.id, fourth.id]).size).toBe(4);
	expect(sandbox.counts().links).toBe(before + 4);
});

test('commit-500 inside one step: Linkkit made the link and answered 500; the step\'s own retry gets that link back', async () => {
	const step = zapStep();
	const before = sandbox.counts().links;
	sandbox.setFaults({ next: [onPut('commit-500')] });
	const created = await step({ original_url: 'https://example.com/once/commit-500' });
	expect(created.original_url).toBe('https://example.com/once/commit-500');
	expect(sandbox.counts().links).toBe(before + 1);
});

test('commit-drop on every try of a step: the step fails; Zapier\'s rerun gets the link made the first time; the next run creates anew', async () => {
	const step = zapStep();
	const inputData = { original_url: 'https://example.com/once/all-lost', title: 'Lost answers' };
	const before = sandbox.counts().links;
	sandbox.setFaults({ next: Array.from({ length: 5 }, () => onPut('commit-drop')) });
	const failed = await failureOf(step(inputData));
	expect(failed.message).toMatch(/Could not reach Linkkit|did not answer/);
	sandbox.setFaults({ next: [] });
	expect(sandbox.counts().links).toBe(before + 1);
	const rerun = await step(inputData);
	expect(rerun).toMatchObject({ original_url: 'https://example.com/once/all-lost', title: 'Lost answers' });
	expect(sandbox.counts().links).toBe(before + 1);
	const nextRun = await step(inputData);
	expect(nextRun.id).not.toBe(rerun.id);
	expect(sandbox.counts().links).toBe(before + 2);
}, 60_000);

test('a ThrottledError after a lost answer: the rerun gets the first link back, nothing is created twice', async () => {
	const step = zapStep();
	sandbox.setRateLimitHeaders('retry-after');
	const inputData = { original_url: 'https://example.com/once/throttled' };
	const before = sandbox.counts().links;
	sandbox.setFaults({ next: [onPut('commit-drop'), onPut('429', { retryAfter: 120 })] });
	expect(await failureOf(step(inputData))).toMatchObject({ name: 'ThrottledError', delay: 120 });
	expect(sandbox.counts().links).toBe(before + 1);
	const rerun = await step(inputData);
	expect(rerun.original_url).toBe('https://example.com/once/throttled');
	expect(sandbox.counts().links).toBe(before + 1);
});

test('stall: a create that never answers is abandoned after 10 s and tried again within the step; one link', async () => {
	const step = zapStep();
	const before = sandbox.counts().links;
	sandbox.setFaults({ stallMs: 15_000, next: [onPut('stall')] });
	const started = Date.now();
	const created = await step({ original_url: 'https://example.com/once/stalled' });
	expect(Date.now() - started).toBeGreaterThanOrEqual(9_000);
	expect(created.original_url).toBe('https://example.com/once/stalled');
	expect(sandbox.counts().links).toBe(before + 1);
}, 60_000);

test('another Zap with the same input never takes over this Zap\'s unfinished create', async () => {
	const mine = zapStep('zap_a');
	const inputData = { original_url: 'https://example.com/once/two-zaps' };
	sandbox.setFaults({ next: Array.from({ length: 5 }, () => onPut('commit-drop')) });
	await failureOf(mine(inputData));
	sandbox.setFaults({ next: [] });
	const before = sandbox.counts().links;
	// Zap B shares the connection (same tester would share z.cache); its slot is keyed by its own Zap id.
	const theirs = await zapStep('zap_b')(inputData);
	expect(sandbox.counts().links).toBe(before + 1);
	const rerun = await mine(inputData);
	expect(rerun.id).not.toBe(theirs.id);
	expect(sandbox.counts().links).toBe(before + 1);
}, 60_000);

test('soak: 200 Create Link runs under commit-drop, commit-500, stall and plain faults, each step rerun until it succeeds: 0 lost, 0 doubled', async () => {
	const step = zapStep('zap_soak');
	sandbox.setFaults(CREATE_FAULTS);
	const prefix = `tester-${Date.now().toString(36)}`;
	let runs;
	try {
		runs = await soakCreates(step, prefix, 200);
	} finally {
		sandbox.setFaults({ commitDrop: 0, commit500: 0, stall: 0, drop: 0, rate: 0, next: [] });
	}
	const count = await countSoak(sandbox, prefix, runs);
	console.log(`app tester soak: ${JSON.stringify(count)}`);
	expect({ succeeded: count.succeeded, lost: count.lost, doubled: count.doubled, wrongOutput: count.wrongOutput }).toEqual({ succeeded: 200, lost: 0, doubled: 0, wrongOutput: 0 });
	// The faults were real: some steps failed and were run again.
	expect(count.attempts).toBeGreaterThan(200);
}, 300_000);
