/**
 * The seeded state: the same `seed`, size and `now` always give the same account. The first workspace holds the
 * links (`--links`), clicks, conversions, lists, tags, UTM templates, QR codes and domains; the second holds only the
 * "foreign" codes (A6), links a PUT from the first workspace cannot take.
 */
import { Prng } from '../prng';
import type { StoreData, WorkspaceData } from '../state/types';
import { seedDomains, seedLists, seedTags, seedUser, seedUtmTemplates, seedWorkspaces, VERIFIED_DOMAIN } from './account';
import { seedClicks } from './clicks';
import { seedConversions } from './conversions';
import { seedLinks, seedQrCodes, uniqueCode } from './links';
import { iso } from './time';

export interface SeedOptions {
	seed: number;
	links: number;
	nowMs: number;
	/** How many codes the second workspace holds, or the codes themselves. */
	foreignCodes: number | readonly string[];
}

export const DEFAULT_FOREIGN_CODES = 3;

export function buildSeed(options: SeedOptions): StoreData {
	const prng = new Prng(options.seed);
	const { nowMs } = options;
	const user = seedUser(prng);
	const [primary, second] = seedWorkspaces(prng, nowMs);

	const taken = new Set<string>(typeof options.foreignCodes === 'number' ? [] : options.foreignCodes);
	const foreignCodes = typeof options.foreignCodes === 'number' ? Array.from({ length: options.foreignCodes }, () => uniqueCode(prng, taken)) : [...options.foreignCodes];
	const foreignLinks = foreignCodes.map((code, index) => {
		const createdMs = Date.parse(second.created_at) + (index + 1) * 3_600_000;
		return {
			...seedLinks(prng, { count: 1, nowMs, lists: [], customDomain: VERIFIED_DOMAIN, taken: new Set(taken) })[0],
			short_code: code,
			custom_domain: null,
			created_at: iso(createdMs),
			updated_at: iso(createdMs),
		};
	});

	const lists = seedLists(prng, nowMs);
	const links = seedLinks(prng, { count: options.links, nowMs, lists, customDomain: VERIFIED_DOMAIN, taken });
	const clicks = seedClicks(prng, links, nowMs);
	const primaryData: WorkspaceData = {
		workspace: primary,
		links,
		lists,
		tags: seedTags(prng, nowMs),
		utm_templates: seedUtmTemplates(prng, nowMs),
		qr_codes: seedQrCodes(prng, links, nowMs),
		domains: seedDomains(prng, nowMs),
		conversions: seedConversions(prng, clicks, nowMs),
		hooks: [],
		clicks,
	};
	const secondData: WorkspaceData = {
		workspace: second,
		links: foreignLinks,
		lists: [],
		tags: [],
		utm_templates: [],
		qr_codes: [],
		domains: [],
		conversions: [],
		hooks: [],
		clicks: {},
	};
	return { version: 2, user, workspaces: [primaryData, secondData] };
}
