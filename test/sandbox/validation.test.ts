/** OpenAPI validation: body problems are 422, query/path/malformed JSON 400, each naming the plain field. */
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { call, get, post } from './http';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(() => sandbox.stop());

const fields = (reply: { body: { error: { details?: Array<{ field: string }> } } }) =>
	(reply.body.error.details ?? []).map((d) => d.field).sort();

it('answers 422 validation_failed naming each bad body field', async () => {
	const reply = await post(sandbox, '/v1/links', { destination: 'not a url', utm: { source: 5 }, extra: true });
	expect(reply.status).toBe(422);
	expect(reply.body.error.code).toBe('validation_failed');
	expect(fields(reply)).toEqual(['destination', 'extra', 'utm.source']);
});

it('names a missing required field and array entries as rules[0].value', async () => {
	expect(fields(await post(sandbox, '/v1/links', { title: 'no destination' }))).toEqual(['destination']);
	const segment = await post(sandbox, '/v1/segments', { name: 'Bad', rules: [{ field: 'country', operator: 'is', value: '' }] });
	expect(segment.status).toBe(422);
	expect(fields(segment)).toEqual(['rules[0].value']);
});

it('answers 400 for malformed JSON, bad query and bad path parameters', async () => {
	const json = await call(sandbox, 'POST', '/v1/links', { body: '{"destination": ' });
	expect(json.status).toBe(400);
	expect(json.body.error.code).toBe('validation_failed');
	const limit = await get(sandbox, '/v1/links?limit=101');
	expect(limit.status).toBe(400);
	expect(fields(limit)).toEqual(['limit']);
	const unknown = await get(sandbox, '/v1/links?colour=red');
	expect(unknown.status).toBe(400);
	expect(fields(unknown)).toEqual(['colour']);
	const path = await get(sandbox, '/v1/links/not-an-id');
	expect(path.status).toBe(400);
	expect(fields(path)).toEqual(['id']);
});

it('answers 422 for references the account does not have', async () => {
	const domain = await post(sandbox, '/v1/links', { destination: 'https://example.com', domain: 'other.example' });
	expect(domain.status).toBe(422);
	expect(fields(domain)).toEqual(['domain']);
	const campaign = await post(sandbox, '/v1/links', { destination: 'https://example.com', campaignId: 'cmp_missing' });
	expect(campaign.status).toBe(422);
	expect(campaign.body.error.details?.[0]).toEqual({ field: 'campaignId', message: 'No campaign cmp_missing in this account.' });
	const segment = await post(sandbox, '/v1/links', {
		destination: 'https://example.com',
		segmentRoutes: [{ segmentId: 'seg_missing', destination: 'https://example.com/x' }],
	});
	expect(segment.status).toBe(422);
	expect(fields(segment)).toEqual(['segmentRoutes[0].segmentId']);
});

it('answers 404 for an unknown id of the right shape', async () => {
	const reply = await get(sandbox, '/v1/links/lnk_doesnotexist');
	expect(reply.status).toBe(404);
	expect(reply.body.error.code).toBe('not_found');
});
