/** Idempotency-Key: a success is replayed and creates nothing, a different body is a 409, failures are not remembered. */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { call, post, type Link } from './http';

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

it('answers 409 idempotency_key_reused for the same key with another body', async () => {
	await post(sandbox, '/v1/links', { destination: 'https://example.com/a' }, withKey('k-2'));
	const reply = await post(sandbox, '/v1/links', { destination: 'https://example.com/b' }, withKey('k-2'));
	expect(reply.status).toBe(409);
	expect(reply.body.error.code).toBe('idempotency_key_reused');
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

it('does not replay a refusal: after a taken slug is freed, a retry under the same key creates the link', async () => {
	const slug = `freed-${Date.now()}`;
	const holder = await post<Link>(sandbox, '/v1/links', { destination: 'https://example.com/holder', slug });
	expect(holder.status).toBe(201);
	const body = { destination: 'https://example.com/wants-the-slug', slug };
	const refused = await post(sandbox, '/v1/links', body, withKey('k-5'));
	expect(refused.status).toBe(409);
	const refusedAgain = await post(sandbox, '/v1/links', body, withKey('k-5'));
	expect(refusedAgain.status).toBe(409);
	expect(refusedAgain.headers.get('idempotent-replayed')).toBeNull();
	// Each refusal is a fresh answer with its own request id, not a stored copy of the first.
	expect(refusedAgain.body.error.requestId).not.toBe(refused.body.error.requestId);
	expect((await call(sandbox, 'DELETE', `/v1/links/${holder.body.id}`)).status).toBe(204);
	const created = await post<Link>(sandbox, '/v1/links', body, withKey('k-5'));
	expect(created.status).toBe(201);
	expect(created.body.slug).toBe(slug);
	expect(created.headers.get('idempotent-replayed')).toBeNull();
	// From now on the success is what the key replays.
	const replayed = await post<Link>(sandbox, '/v1/links', body, withKey('k-5'));
	expect(replayed.headers.get('idempotent-replayed')).toBe('true');
	expect(replayed.body.id).toBe(created.body.id);
});

it('does not replay a validation failure (422) either', async () => {
	const before = sandbox.counts().campaigns;
	const period = { name: `Idem period ${Date.now()}`, startsAt: '2030-06-30T00:00:00Z', endsAt: '2030-06-01T00:00:00Z' };
	const first = await post(sandbox, '/v1/campaigns', period, withKey('k-6'));
	expect(first.status).toBe(422);
	const second = await post(sandbox, '/v1/campaigns', period, withKey('k-6'));
	expect(second.status).toBe(422);
	expect(second.headers.get('idempotent-replayed')).toBeNull();
	expect(sandbox.counts().campaigns).toBe(before);
});
