/**
 * Deterministic seed data: the same `seed`, `links` and `now` always give the same account. Timestamps spread
 * over the ~90 days before `now`; clicks follow a power law over links (a few popular links, a long tail), with
 * realistic countries, devices and referrers, and record the segments each visitor matched.
 */
import { ACCOUNT_DOMAINS, DEFAULT_DOMAIN, shortUrlOf } from './account';
import { newId, newSlug } from './ids';
import { EMPTY_UTM } from './link-writes';
import { Prng } from './prng';
import { matchingSegmentIds, type VisitorTraits } from './segments-match';
import type { Device, Link, Segment, StoreData, StoredCampaign, StoredClick } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;
const SEED_PERIOD_MS = 90 * DAY_MS;
/** Average clicks per link, capped so a 10 000-link seed still starts in a couple of seconds. */
const CLICKS_PER_LINK = 15;

const iso = (ms: number) => new Date(ms).toISOString();

const CAMPAIGNS = [
	{ name: 'Black Friday 2026', source: 'newsletter', medium: 'email', domain: 'go.acme-shop.com' },
	{ name: 'Spring Sale', source: 'instagram', medium: 'social', domain: null },
	{ name: 'Product Hunt Launch', source: 'producthunt', medium: 'referral', domain: null },
	{ name: 'Weekly Newsletter', source: 'newsletter', medium: 'email', domain: null },
	{ name: 'Podcast Sponsorship', source: 'podcast', medium: 'audio', domain: 'go.acme-shop.com' },
	{ name: 'Retargeting Q3', source: 'facebook', medium: 'cpc', domain: null },
	{ name: 'Partner Program', source: 'partners', medium: 'affiliate', domain: 'go.acme-shop.com' },
	{ name: 'Holiday Gift Guide', source: 'google', medium: 'cpc', domain: null },
] as const;

const SEGMENTS: Array<Pick<Segment, 'name' | 'description' | 'match' | 'rules'>> = [
	{
		name: 'Mobile visitors in Germany',
		description: 'Phones with a German location.',
		match: 'all',
		rules: [
			{ field: 'device', operator: 'is', value: 'mobile' },
			{ field: 'country', operator: 'is', value: 'DE' },
		],
	},
	{ name: 'Desktop', description: null, match: 'all', rules: [{ field: 'device', operator: 'is', value: 'desktop' }] },
	{ name: 'US visitors', description: null, match: 'all', rules: [{ field: 'country', operator: 'is', value: 'US' }] },
	{
		name: 'From newsletter referrer',
		description: 'Clicked in one of our newsletters.',
		match: 'any',
		rules: [{ field: 'referrer', operator: 'contains', value: 'newsletter' }],
	},
	{
		name: 'German speakers on iOS',
		description: null,
		match: 'all',
		rules: [
			{ field: 'language', operator: 'is', value: 'de' },
			{ field: 'os', operator: 'is', value: 'iOS' },
		],
	},
];

const COUNTRIES: ReadonlyArray<readonly [{ country: string | null; cities: string[]; language: string }, number]> = [
	[{ country: 'US', cities: ['New York', 'San Francisco', 'Chicago', 'Austin'], language: 'en-US' }, 30],
	[{ country: 'DE', cities: ['Berlin', 'Munich', 'Hamburg'], language: 'de-DE' }, 18],
	[{ country: 'GB', cities: ['London', 'Manchester'], language: 'en-GB' }, 10],
	[{ country: 'FR', cities: ['Paris', 'Lyon'], language: 'fr-FR' }, 7],
	[{ country: 'IN', cities: ['Bengaluru', 'Mumbai'], language: 'en-IN' }, 7],
	[{ country: 'BR', cities: ['São Paulo'], language: 'pt-BR' }, 5],
	[{ country: 'CA', cities: ['Toronto', 'Vancouver'], language: 'en-CA' }, 5],
	[{ country: 'NL', cities: ['Amsterdam'], language: 'nl-NL' }, 4],
	[{ country: 'JP', cities: ['Tokyo'], language: 'ja-JP' }, 4],
	[{ country: null, cities: [], language: 'en' }, 3],
];

const PLATFORMS: ReadonlyArray<readonly [{ device: Device; os: string | null; browsers: string[] }, number]> = [
	[{ device: 'mobile', os: 'iOS', browsers: ['Mobile Safari', 'Chrome'] }, 28],
	[{ device: 'mobile', os: 'Android', browsers: ['Chrome', 'Samsung Browser'] }, 26],
	[{ device: 'desktop', os: 'Windows', browsers: ['Chrome', 'Edge', 'Firefox'] }, 20],
	[{ device: 'desktop', os: 'Mac OS', browsers: ['Safari', 'Chrome'] }, 14],
	[{ device: 'desktop', os: 'Linux', browsers: ['Firefox', 'Chrome'] }, 3],
	[{ device: 'tablet', os: 'iOS', browsers: ['Mobile Safari'] }, 5],
	[{ device: 'bot', os: null, browsers: [] }, 2],
	[{ device: 'other', os: null, browsers: [] }, 2],
];

const REFERRERS: ReadonlyArray<readonly [string | null, number]> = [
	[null, 30],
	['google.com', 18],
	['t.co', 10],
	['newsletter.acme-shop.com', 12],
	['facebook.com', 8],
	['linkedin.com', 6],
	['news.ycombinator.com', 5],
	['instagram.com', 6],
	['reddit.com', 5],
];

const SITES = ['shop.example.com', 'www.acme-shop.com', 'blog.acme-shop.com', 'docs.example.org', 'events.example.net'];
const PAGES = ['black-friday', 'spring-sale', 'new-arrivals', 'gift-guide', 'pricing', 'signup', 'webinar', 'blog/launch', 'careers', 'app'];
const TITLES = ['Black Friday deals', 'Spring collection', 'New arrivals', 'Gift guide', 'Pricing', 'Sign up', 'Webinar', 'Launch post', 'Careers', 'Get the app'];
const TAGS = ['promo', 'email', 'social', 'print', 'q3', 'evergreen', 'partner', 'ads'];

function seedCampaigns(prng: Prng, nowMs: number): StoredCampaign[] {
	return CAMPAIGNS.map((spec, index) => {
		const createdMs = nowMs - SEED_PERIOD_MS - DAY_MS * (CAMPAIGNS.length - index) + prng.int(DAY_MS);
		const slugged = spec.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
		return {
			id: newId('cmp', prng.int),
			name: spec.name,
			description: prng.chance(0.5) ? `${spec.name} campaign links.` : null,
			status: index === 5 ? 'paused' : index === 7 ? 'archived' : 'active',
			defaultDomain: spec.domain,
			utm: { ...EMPTY_UTM, source: spec.source, medium: spec.medium, campaign: slugged },
			startsAt: iso(createdMs),
			endsAt: index === 7 ? iso(createdMs + 30 * DAY_MS) : null,
			createdAt: iso(createdMs),
			updatedAt: iso(createdMs + prng.int(DAY_MS)),
		};
	});
}

function seedSegments(prng: Prng, nowMs: number): Segment[] {
	return SEGMENTS.map((spec, index) => {
		const createdMs = nowMs - SEED_PERIOD_MS - DAY_MS * (SEGMENTS.length - index) + prng.int(DAY_MS);
		return { id: newId('seg', prng.int), ...spec, createdAt: iso(createdMs), updatedAt: iso(createdMs) };
	});
}

function seedLinks(prng: Prng, nowMs: number, count: number, campaigns: StoredCampaign[], segments: Segment[]): Link[] {
	const links: Link[] = [];
	const taken = new Set<string>();
	let createdMs = nowMs - SEED_PERIOD_MS;
	const step = SEED_PERIOD_MS / Math.max(1, count);
	for (let i = 0; i < count; i++) {
		// About one link in eight shares its predecessor's timestamp, as a bulk create would: lists must tie-break.
		if (i === 0 || !prng.chance(0.12)) createdMs = Math.min(nowMs - 60_000, createdMs + Math.round(prng.next() * 2 * step));
		const campaign = prng.chance(0.55) ? prng.pick(campaigns) : undefined;
		const domain = campaign?.defaultDomain ?? (prng.chance(0.15) ? ACCOUNT_DOMAINS[1] : DEFAULT_DOMAIN);
		let slug = newSlug(prng.int);
		while (taken.has(`${domain}/${slug}`)) slug = newSlug(prng.int);
		taken.add(`${domain}/${slug}`);
		const page = prng.int(PAGES.length);
		const site = prng.pick(SITES);
		const destination = `https://${site}/${PAGES[page]}${prng.chance(0.3) ? `?ref=${prng.int(1000)}` : ''}`;
		const tags = TAGS.filter(() => prng.chance(0.15));
		const routed = prng.chance(0.1);
		const segmentRoutes = routed
			? [{ segmentId: segments[0].id, destination: `https://${site}/de/${PAGES[page]}` }, ...(prng.chance(0.5) ? [{ segmentId: segments[1].id, destination: `https://${site}/desktop/${PAGES[page]}` }] : [])]
			: [];
		const updatedMs = prng.chance(0.3) ? createdMs + prng.int(Math.max(1, nowMs - createdMs)) : createdMs;
		links.push({
			id: newId('lnk', prng.int),
			shortUrl: shortUrlOf(domain, slug),
			domain,
			slug,
			destination,
			title: prng.chance(0.8) ? `${TITLES[page]}${prng.chance(0.5) ? ` #${i + 1}` : ''}` : null,
			description: prng.chance(0.2) ? 'Seeded link.' : null,
			tags,
			campaignId: campaign?.id ?? null,
			utm: campaign ? { ...campaign.utm, content: prng.chance(0.3) ? `variant-${prng.int(3) + 1}` : null } : { ...EMPTY_UTM },
			segmentRoutes,
			expiresAt: prng.chance(0.03) ? iso(createdMs + 7 * DAY_MS) : null,
			clicks: 0,
			createdAt: iso(createdMs),
			updatedAt: iso(updatedMs),
		});
	}
	return links;
}

function seedClicks(prng: Prng, nowMs: number, links: Link[], segments: Segment[]): StoredClick[] {
	const total = links.length * CLICKS_PER_LINK;
	// Power law: the link at popularity rank r gets weight 1 / r^1.1.
	const ranks = prng.shuffle(links.map((_, i) => i));
	const weights = ranks.map((rank) => 1 / Math.pow(rank + 1, 1.1));
	const weightSum = weights.reduce((a, b) => a + b, 0);
	const visitorPool = Math.max(1, Math.round(total * 0.6));
	const clicks: StoredClick[] = [];
	// Few distinct trait combinations exist; match each against the segments once (seeding 10 000 links stays fast).
	const segmentIdsCache = new Map<string, string[]>();
	links.forEach((link, index) => {
		const count = Math.round((weights[index] / weightSum) * total);
		const createdMs = Date.parse(link.createdAt);
		for (let n = 0; n < count; n++) {
			// Skew towards the link's first days, with a long tail up to now.
			const ageMs = Math.pow(prng.next(), 2.5) * (nowMs - createdMs);
			const timestampMs = Math.min(nowMs - 1000, createdMs + ageMs);
			const place = prng.weighted(COUNTRIES);
			const platform = prng.weighted(PLATFORMS);
			const traits: VisitorTraits = {
				country: place.country,
				device: platform.device,
				os: platform.os,
				browser: platform.browsers.length ? prng.pick(platform.browsers) : null,
				language: place.language,
				referrer: prng.weighted(REFERRERS),
			};
			clicks.push({
				id: newId('clk', prng.int),
				linkId: link.id,
				timestamp: iso(timestampMs),
				country: traits.country,
				city: place.cities.length && prng.chance(0.85) ? prng.pick(place.cities) : null,
				device: platform.device,
				os: traits.os,
				browser: traits.browser,
				referrer: traits.referrer,
				segmentIds: cachedSegmentIds(segmentIdsCache, segments, traits),
				visitorId: `v${prng.int(visitorPool)}`,
			});
		}
		link.clicks = count;
	});
	return clicks;
}

function cachedSegmentIds(cache: Map<string, string[]>, segments: Segment[], traits: VisitorTraits): string[] {
	const key = `${traits.country}|${traits.device}|${traits.os}|${traits.browser}|${traits.language}|${traits.referrer}`;
	let ids = cache.get(key);
	if (!ids) {
		ids = matchingSegmentIds(segments, traits);
		cache.set(key, ids);
	}
	return [...ids];
}

export interface SeedOptions {
	seed: number;
	links: number;
	nowMs: number;
}

export function buildSeed({ seed, links: linkCount, nowMs }: SeedOptions): StoreData {
	const prng = new Prng(seed);
	const campaigns = seedCampaigns(prng, nowMs);
	const segments = seedSegments(prng, nowMs);
	const links = seedLinks(prng, nowMs, linkCount, campaigns, segments);
	const clicks = seedClicks(prng, nowMs, links, segments);
	return { version: 1, links, campaigns, segments, clicks, idempotency: [] };
}
