/** Idempotency-Key: replay creates nothing, a different body is a 409, a faulted attempt is not remembered. */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { post, type Link } from './http';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());
beforeEach(() => sandbox.reset());

const withKey = (key: string) => ({ headers: { 'Idempotency-Key': key } });

it('replays the first answer for the same key and body and creates nothing', async () => {
	const before = sandbox.counts().links;
	const body = { destination: 'https://example.com/idem', title: 'Once' };
	const first = await post<Link>(sandbox, '/v1/links', body, withKey('k-1'));
	expect(first.status).toBe(201);
	expect(first.headers.get('idempotent-replayed')).toBeNull();
	// Same body with keys in another order is the same body.
	const again = await post<Link>(sandbox, '/v1/links', { title: 'Once', destination: 'https://example.com/idem' }, withKey('k-1'));
	expect(again.status).toBe(201);
	expect(again.headers.get('idempotent-replayed')).toBe('true');
	expect(again.body.id).toBe(first.body.id);
	expect(sandbox.counts().links).toBe(before + 1);
});

it('answers 409 conflict for the same key with another body', async () => {
	await post(sandbox, '/v1/links', { destination: 'https://example.com/a' }, withKey('k-2'));
	const reply = await post(sandbox, '/v1/links', { destination: 'https://example.com/b' }, withKey('k-2'));
	expect(reply.status).toBe(409);
	expect(reply.body.error.code).toBe('conflict');
});

it('does not remember a faulted attempt, so the retry creates exactly once', async () => {
	const before = sandbox.counts().links;
	sandbox.setFaults({ next: [{ kind: '503' }] });
	const body = { destination: 'https://example.com/retry' };
	const faulted = await post(sandbox, '/v1/links', body, withKey('k-3'));
	expect(faulted.status).toBe(503);
	expect(sandbox.counts().links).toBe(before);
	const retried = await post<Link>(sandbox, '/v1/links', body, withKey('k-3'));
	expect(retried.status).toBe(201);
	expect(retried.headers.get('idempotent-replayed')).toBeNull();
	const replayed = await post<Link>(sandbox, '/v1/links', body, withKey('k-3'));
	expect(replayed.headers.get('idempotent-replayed')).toBe('true');
	expect(replayed.body.id).toBe(retried.body.id);
	expect(sandbox.counts().links).toBe(before + 1);
});

it('treats the same key on another operation as a conflict', async () => {
	const link = await post(sandbox, '/v1/links', { destination: 'https://example.com/p' }, withKey('k-4'));
	expect(link.status).toBe(201);
	const campaign = await post(sandbox, '/v1/campaigns', { name: 'Idem campaign' }, withKey('k-4'));
	expect(campaign.status).toBe(409);
});
