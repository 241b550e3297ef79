/**
 * `--visibility-lag` (A15): GET /v1/links, a link's clicks and /v1/conversions trail the writes by a seeded random
 * delay per item (0..lag); an updated link is listed as it was; gets by code, the summary and the feeds are current.
 */
import { VisibilityLag } from '../../sandbox/visibility';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { get, patch, post, put, type Click, type Conversion, type Link, type Page } from './http';

const LAG = 10_000;
let sandbox: RunningSandbox;
let clock = Date.UTC(2026, 5, 1, 12, 0, 0);

beforeAll(async () => {
	// The rate limiter runs on the same frozen clock: give it room.
	sandbox = await startTestSandbox({ visibilityLagMs: LAG, now: () => clock, rate: 1_000_000, burst: 1_000_000 });
});
afterAll(() => sandbox.stop());

async function listed<T>(path: string): Promise<T[]> {
	const reply = await get<Page<T>>(sandbox, path);
	if (reply.status !== 200) throw new Error(`${path} → ${reply.status} ${reply.text}`);
	return reply.body.data;
}

/** Steps the clock through the lag window and notes when each id first shows up (and that it stays). */
async function visibleAt(ids: string[], read: () => Promise<Set<string>>): Promise<number[]> {
	const seenAt: number[] = [];
	for (let step = 0; step <= LAG; step += 500) {
		const shown = await read();
		ids.forEach((id, i) => {
			if (seenAt[i] === undefined && shown.has(id)) seenAt[i] = step;
			if (seenAt[i] !== undefined) expect(shown.has(id)).toBe(true);
		});
		clock += 500;
	}
	return seenAt;
}

test('a new link shows in the list at most the lag after its timestamp, at once by code', async () => {
	const created: Link[] = [];
	for (let i = 0; i < 20; i++) created.push((await post<Link>(sandbox, '/v1/links', { original_url: `https://example.com/lag/${i}` })).body);
	for (const link of created) expect((await get(sandbox, `/v1/links/${link.short_code}`)).status).toBe(200);
	const seenAt = await visibleAt(
		created.map((link) => link.id),
		async () => new Set((await listed<Link>('/v1/links?limit=100&search=example.com%2Flag')).map((link) => link.id)),
	);
	expect(seenAt.filter((at) => at === undefined)).toEqual([]);
	// Spread over the window (random per item), not all at once.
	expect(Math.min(...seenAt)).toBeLessThan(3_000);
	expect(Math.max(...seenAt)).toBeGreaterThan(6_000);
});

test('an updated link is listed as it was until its update is visible; the get is current', async () => {
	await put(sandbox, '/v1/links/lagged-up', { original_url: 'https://example.com/v1', title: 'before' });
	clock += LAG + 1;
	const updated = (await patch<Link>(sandbox, '/v1/links/lagged-up', { title: 'after' })).body;
	expect((await get<Link>(sandbox, '/v1/links/lagged-up')).body.title).toBe('after');
	const titleInList = async () => (await listed<Link>('/v1/links?limit=5&search=example.com%2Fv1'))[0].title;
	const lag = new VisibilityLag(LAG, 1, () => clock).lagOf(updated.id, updated.updated_at);
	if (lag > 0) expect(await titleInList()).toBe('before');
	clock += lag;
	expect(await titleInList()).toBe('after');
});

test('clicks and conversions trail the same way; the summary counts them at once', async () => {
	await put(sandbox, '/v1/links/lagged-clicks', { original_url: 'https://example.com/c' });
	const clickIds: string[] = [];
	for (let i = 0; i < 10; i++) {
		const answer = await fetch(`${sandbox.url}/lagged-clicks`, { redirect: 'manual' });
		clickIds.push(new URL(answer.headers.get('location')!).searchParams.get('lkclid')!);
	}
	const since = new Date(clock - 1).toISOString();
	expect((await get<{ total_clicks: number }>(sandbox, `/v1/analytics/summary?from=${since}`)).body.total_clicks).toBe(10);
	const conversionIds: string[] = [];
	for (let i = 0; i < 10; i++) {
		const reply = await post<Conversion>(sandbox, '/track/lead', { publishable_key: sandbox.publishableKey, customer_external_id: `lag-${i}`, lkclid: clickIds[i] }, { key: null });
		conversionIds.push(reply.body.id);
	}
	const seen = await visibleAt([...clickIds, ...conversionIds], async () => {
		const clicks = (await listed<Click>('/v1/analytics/links/lagged-clicks?limit=100')).map((c) => c.id);
		const conversions = (await listed<Conversion>('/v1/conversions?limit=100')).map((c) => c.id);
		return new Set([...clicks, ...conversions]);
	});
	expect(seen.filter((at) => at === undefined)).toEqual([]);
	expect(Math.max(...seen.slice(0, 10))).toBeGreaterThan(0);
	expect(Math.max(...seen.slice(10))).toBeGreaterThan(0);
});

test('without a lag, everything is listed at once', async () => {
	const plain = await startTestSandbox({ now: () => clock });
	try {
		const link = (await post<Link>(plain, '/v1/links', { original_url: 'https://example.com/now' })).body;
		expect((await get<Page<Link>>(plain, '/v1/links?limit=1')).body.data[0].id).toBe(link.id);
	} finally {
		await plain.stop();
	}
});
