/**
 * `--visibility-lag`: list results trail the writes by a seeded random delay per item (0..lag), showing an updated
 * item as it was before; gets by ID see every write at once. Clicks can be listed oldest first.
 */
import { VisibilityLag } from '../../sandbox/visibility';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { call, get, post, type Click, type Link, type Page } from './http';

const LAG = 10_000;
let sandbox: RunningSandbox;
let clock = Date.UTC(2026, 5, 1, 12, 0, 0);

beforeAll(async () => {
	// The rate limiter runs on the same frozen clock: give it room.
	sandbox = await startTestSandbox({ visibilityLagMs: LAG, now: () => clock, rate: 1_000_000, burst: 1_000_000 });
});
afterAll(() => sandbox.stop());

const listed = async (path: string) => {
	const reply = await get<Page<Link>>(sandbox, path);
	if (reply.status !== 200) throw new Error(`${path} → ${reply.status} ${reply.text}`);
	return reply.body.data;
};

test('a new link shows in lists at most the lag after its timestamp, and at once by ID', async () => {
	const created: Link[] = [];
	for (let i = 0; i < 20; i++) created.push((await post<Link>(sandbox, '/v1/links', { destination: `https://example.com/lag/${i}` })).body);
	const since = `/v1/links?limit=100&createdAfter=${encodeURIComponent(new Date(clock - 1).toISOString())}`;
	const visibleAt: number[] = [];
	for (let step = 0; step <= LAG; step += 500) {
		const ids = new Set((await listed(since)).map((link) => link.id));
		for (const [i, link] of created.entries()) if (visibleAt[i] === undefined && ids.has(link.id)) visibleAt[i] = step;
		// Once listed, a link stays listed.
		for (const [i, link] of created.entries()) if (visibleAt[i] !== undefined) expect(ids.has(link.id)).toBe(true);
		clock += 500;
	}
	expect(visibleAt.filter((at) => at === undefined)).toEqual([]);
	// Spread over the window (random per item), not all at once.
	expect(Math.min(...visibleAt)).toBeLessThan(3_000);
	expect(Math.max(...visibleAt)).toBeGreaterThan(6_000);
	for (const link of created) expect((await get<Link>(sandbox, `/v1/links/${link.id}`)).status).toBe(200);
});

test('an updated link is listed as it was until its change is visible', async () => {
	const link = (await post<Link>(sandbox, '/v1/links', { destination: 'https://example.com/lag/update', title: 'Before' })).body;
	clock += LAG + 1;
	const patched = (await call<Link>(sandbox, 'PATCH', `/v1/links/${link.id}`, { body: { title: 'After' } })).body;
	expect(patched.title).toBe('After');
	const lag = new VisibilityLag(LAG, 1, () => clock).lagOf(link.id, patched.updatedAt);
	const find = async () => (await listed('/v1/links?limit=100&search=lag%2Fupdate')).find((item) => item.id === link.id);
	const writtenAt = Date.parse(patched.updatedAt);
	for (let step = 0; step <= LAG; step += 250) {
		clock = writtenAt + step;
		expect((await find())?.title).toBe(step < lag ? 'Before' : 'After');
	}
	expect((await get<Link>(sandbox, `/v1/links/${link.id}`)).body.title).toBe('After');
});

test('clicks trail too, and can be listed oldest first', async () => {
	const link = (await post<Link>(sandbox, '/v1/links', { destination: 'https://example.com/lag/clicks', slug: 'lag-clicks' })).body;
	const burst = await fetch(`${sandbox.url}/__sandbox/clicks`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ linkId: link.id, count: 50, spreadMs: 5_000 }),
	});
	expect(burst.status).toBe(200);
	const page = async (sort: string) =>
		(await get<Page<Click>>(sandbox, `/v1/analytics/clicks?linkId=${link.id}&limit=100&sort=${sort}&from=${encodeURIComponent(new Date(clock - 60_000).toISOString())}`)).body.data;
	expect((await page('timestamp')).length).toBeLessThan(50);
	clock += LAG + 1;
	const oldestFirst = await page('timestamp');
	expect(oldestFirst).toHaveLength(50);
	expect(oldestFirst.map((click) => click.timestamp)).toEqual([...oldestFirst.map((click) => click.timestamp)].sort());
	expect((await page('-timestamp')).map((click) => click.id)).toEqual([...oldestFirst].reverse().map((click) => click.id));
	// Reports count every click at once.
	expect((await get<{ clicks: number }>(sandbox, `/v1/analytics/summary?linkId=${link.id}`)).body.clicks).toBe(50);
});

test('the lag of an item and write is drawn from the seed: the same on every run, different for another seed', () => {
	const at = '2026-06-01T12:00:00.000Z';
	const lags = (seed: number) => Array.from({ length: 200 }, (_, i) => new VisibilityLag(LAG, seed, Date.now).lagOf(`lnk_${i}`, at));
	expect(lags(1)).toEqual(lags(1));
	expect(lags(2)).not.toEqual(lags(1));
	const all = lags(1);
	expect(Math.min(...all)).toBeGreaterThanOrEqual(0);
	expect(Math.max(...all)).toBeLessThanOrEqual(LAG);
	// Roughly uniform: about half of the items below half the lag.
	expect(all.filter((lag) => lag < LAG / 2).length).toBeGreaterThan(70);
	expect(all.filter((lag) => lag < LAG / 2).length).toBeLessThan(130);
});
