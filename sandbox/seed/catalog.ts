/** The vocabulary of the seeded account: sites, pages, visitors' places and platforms, list and tag names. */

export const SITES = ['shop.acme.test', 'www.acme.test', 'blog.acme.test', 'docs.example.org', 'events.example.net', 'app.example.com'];

/** [path, title] pairs: a link's destination page and the title someone would give it. */
export const PAGES: ReadonlyArray<readonly [string, string]> = [
	['black-friday', 'Black Friday deals'],
	['spring-sale', 'Spring sale'],
	['new-arrivals', 'New arrivals'],
	['gift-guide', 'Holiday gift guide'],
	['pricing', 'Pricing'],
	['signup', 'Sign up'],
	['webinar/2026-q3', 'Q3 webinar registration'],
	['blog/launch-week', 'Launch week recap'],
	['careers', 'We are hiring'],
	['download/app', 'Get the app'],
	['docs/getting-started', 'Getting started guide'],
	['case-studies/globex', 'Globex case study'],
	['podcast/episode-42', 'Podcast episode 42'],
	['events/summit', 'Acme Summit tickets'],
];

export const LISTS: ReadonlyArray<readonly [string, string | null]> = [
	['Product Hunt Links', '#DA552F'],
	['Newsletter', '#3B82F6'],
	['Social', '#10B981'],
	['Partners', null],
	['Print & QR', '#6B7280'],
];

export const TAGS: ReadonlyArray<readonly [string, string | null]> = [
	['marketing', '#FF5733'],
	['promo', '#F59E0B'],
	['evergreen', '#22C55E'],
	['q3', null],
	['social', '#0EA5E9'],
	['partner', '#8B5CF6'],
	['print', null],
	['ads', '#EF4444'],
];

export const UTM_TEMPLATES = [
	{ name: 'Summer Campaign', utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'summer-sale', utm_term: null, utm_content: null, ref: null },
	{ name: 'Product Hunt Launch', utm_source: 'producthunt', utm_medium: 'referral', utm_campaign: 'launch', utm_term: null, utm_content: null, ref: 'producthunt' },
	{ name: 'Retargeting', utm_source: 'facebook', utm_medium: 'cpc', utm_campaign: 'retargeting-q3', utm_term: 'shoes', utm_content: 'carousel', ref: null },
	{ name: 'Weekly Newsletter', utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'weekly', utm_term: null, utm_content: null, ref: null },
] as const;

export const COUNTRIES: ReadonlyArray<readonly [{ country: string | null; cities: string[] }, number]> = [
	[{ country: 'US', cities: ['New York', 'San Francisco', 'Chicago', 'Austin'] }, 30],
	[{ country: 'DE', cities: ['Berlin', 'Munich', 'Hamburg'] }, 18],
	[{ country: 'GB', cities: ['London', 'Manchester'] }, 10],
	[{ country: 'FR', cities: ['Paris', 'Lyon'] }, 7],
	[{ country: 'IN', cities: ['Bengaluru', 'Mumbai'] }, 7],
	[{ country: 'BR', cities: ['São Paulo'] }, 5],
	[{ country: 'CA', cities: ['Toronto', 'Vancouver'] }, 5],
	[{ country: 'NL', cities: ['Amsterdam'] }, 4],
	[{ country: 'JP', cities: ['Tokyo'] }, 4],
	[{ country: null, cities: [] }, 3],
];

export const PLATFORMS: ReadonlyArray<readonly [{ device: string | null; os: string | null; browsers: string[] }, number]> = [
	[{ device: 'mobile', os: 'iOS', browsers: ['Mobile Safari', 'Chrome'] }, 28],
	[{ device: 'mobile', os: 'Android', browsers: ['Chrome', 'Samsung Internet'] }, 26],
	[{ device: 'desktop', os: 'Windows', browsers: ['Chrome', 'Edge', 'Firefox'] }, 20],
	[{ device: 'desktop', os: 'macOS', browsers: ['Safari', 'Chrome'] }, 14],
	[{ device: 'desktop', os: 'Linux', browsers: ['Firefox', 'Chrome'] }, 3],
	[{ device: 'tablet', os: 'iOS', browsers: ['Mobile Safari'] }, 5],
	[{ device: 'bot', os: null, browsers: [] }, 2],
	[{ device: null, os: null, browsers: [] }, 2],
];

export const REFERERS: ReadonlyArray<readonly [string | null, number]> = [
	[null, 30],
	['https://www.google.com/', 18],
	['https://t.co/', 10],
	['https://newsletter.acme.test/', 12],
	['https://www.facebook.com/', 8],
	['https://www.linkedin.com/', 6],
	['https://news.ycombinator.com/', 5],
	['https://www.instagram.com/', 6],
	['https://www.reddit.com/', 5],
];

export const CUSTOMERS = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Linus Torvalds', 'Margaret Hamilton', 'Tim Berners-Lee', 'Barbara Liskov'];
