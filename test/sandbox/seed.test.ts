/**
 * The seeded account: deterministic from `seed` (and `now`), realistic in shape, and fast at benchmark size
 * (100 000 links).
 */
import { buildSeed } from '../../sandbox/seed';
import { startTestSandbox } from '../support/sandbox';
import { get, type Link, type Page } from './http';

const NOW = Date.parse('2026-10-01T09:30:00.000Z');

it('is the same for the same seed and now, and different for another seed', () => {
	const a = buildSeed({ seed: 5, links: 200, nowMs: NOW, foreignCodes: 3 });
	const b = buildSeed({ seed: 5, links: 200, nowMs: NOW, foreignCodes: 3 });
	const c = buildSeed({ seed: 6, links: 200, nowMs: NOW, foreignCodes: 3 });
	expect(JSON.stringify(a)).toBe(JSON.stringify(b));
	expect(a.workspaces[0].links.map((link) => link.short_code)).not.toEqual(c.workspaces[0].links.map((link) => link.short_code));
});

it('has the shape the issue asks for', () => {
	const { user, workspaces } = buildSeed({ seed: 1, links: 500, nowMs: NOW, foreignCodes: ['held-1', 'held-2'] });
	const [acme, labs] = workspaces;
	expect(user.email).toBe('alex@acme.test');
	expect(acme.links).toHaveLength(500);
	expect(labs.links.map((link) => link.short_code)).toEqual(['held-1', 'held-2']);
	const codes = acme.links.map((link) => link.short_code);
	expect(new Set([...codes, 'held-1', 'held-2']).size).toBe(502);
	expect(codes.every((code) => /^[A-Za-z0-9]{6}$/.test(code))).toBe(true);
	const share = (keep: (link: Link) => boolean) => acme.links.filter(keep).length / acme.links.length;
	expect(share((link) => link.list_id !== null)).toBeGreaterThan(0.2);
	expect(share((link) => link.custom_domain === 'go.acme.test')).toBeGreaterThan(0.08);
	expect(share((link) => !link.is_active)).toBeGreaterThan(0.01);
	expect(share((link) => link.title !== null)).toBeGreaterThan(0.7);
	expect(acme.domains.map((domain) => [domain.domain, domain.is_verified])).toEqual([
		['go.acme.test', true],
		['links.acme.test', false],
	]);
	expect(acme.lists.length).toBeGreaterThan(3);
	expect(acme.tags.length).toBeGreaterThan(3);
	expect(acme.utm_templates.length).toBeGreaterThan(2);
	expect(acme.qr_codes.length).toBeGreaterThan(10);
	expect(acme.conversions.length).toBeGreaterThan(10);
	const clicks = Object.values(acme.clicks).flat();
	expect(clicks.length).toBeGreaterThan(5000);
	const ages = clicks.map((click) => NOW - Date.parse(click.clicked_at));
	expect(Math.min(...ages)).toBeGreaterThan(0);
	expect(Math.max(...ages)).toBeLessThan(91 * 86_400_000);
	expect(Math.max(...ages)).toBeGreaterThan(60 * 86_400_000);
	// A power law: the busiest link has far more clicks than the median one.
	const perLink = Object.values(acme.clicks).map((list) => list.length).sort((x, y) => y - x);
	expect(perLink[0]).toBeGreaterThan(10 * perLink[Math.floor(perLink.length / 2)]);
});

it('starts with 100 000 links in seconds, and a deep page costs what the first one does', async () => {
	const started = Date.now();
	const sandbox = await startTestSandbox({ links: 100_000 });
	try {
		// Generous: the suites share a small machine with other work.
		expect(Date.now() - started).toBeLessThan(30_000);
		const timed = async (path: string) => {
			const at = performance.now();
			const reply = await get<Page<Link>>(sandbox, path);
			return { reply, ms: performance.now() - at };
		};
		await timed('/v1/links?limit=1');
		const first = await timed('/v1/links?limit=100');
		const deep = await timed('/v1/links?limit=100&page=900');
		const filtered = await timed('/v1/links?limit=100&search=pricing&is_active=true');
		const summary = await timed('/v1/analytics/summary');
		expect(first.reply.body.meta.total).toBe(100_000);
		expect(deep.reply.body.data).toHaveLength(100);
		expect(filtered.reply.body.meta.total).toBeGreaterThan(1000);
		// Paging is a slice of an index, not a sort or a scan of the account.
		expect(deep.ms).toBeLessThan(first.ms * 5 + 50);
		expect(filtered.ms).toBeLessThan(2_000);
		expect(summary.ms).toBeLessThan(2_000);
		const oldest = (await get<Page<Link>>(sandbox, '/v1/links?limit=100&page=1000')).body.data;
		expect(oldest).toHaveLength(100);
		expect(oldest[99].created_at <= deep.reply.body.data[99].created_at).toBe(true);
	} finally {
		await sandbox.stop();
	}
});
