/**
 * The seeded account: one user with two workspaces (the API key's own, "Acme Inc", and a second one, "Acme Labs",
 * for cross-workspace tests), the first one's custom domains (go.acme.test verified, links.acme.test not, A9),
 * lists, tags and UTM templates.
 */
import { newUuid } from '../ids';
import type { Prng } from '../prng';
import type { DomainDetail, List, Tag, User, UtmTemplate, Workspace } from '../state/types';
import { LISTS, TAGS, UTM_TEMPLATES } from './catalog';
import { DAY_MS, iso, SEED_PERIOD_MS } from './time';

export const VERIFIED_DOMAIN = 'go.acme.test';
export const UNVERIFIED_DOMAIN = 'links.acme.test';

export function seedUser(prng: Prng): User {
	return { id: newUuid(prng.int), email: 'alex@acme.test', name: 'Alex Demo' };
}

export function seedWorkspaces(prng: Prng, nowMs: number): [Workspace, Workspace] {
	const primaryMs = nowMs - SEED_PERIOD_MS - 30 * DAY_MS;
	const secondMs = nowMs - 30 * DAY_MS;
	return [
		{ id: newUuid(prng.int), name: 'Acme Inc', slug: 'acme-inc', color: '#3B82F6', logo_url: null, plan: 'pro', role: 'owner', joined_at: iso(primaryMs), created_at: iso(primaryMs) },
		{ id: newUuid(prng.int), name: 'Acme Labs', slug: 'acme-labs', color: null, logo_url: 'https://www.acme.test/labs-logo.png', plan: 'pro', role: 'member', joined_at: iso(secondMs + DAY_MS), created_at: iso(secondMs) },
	];
}

function domainDetail(prng: Prng, domain: string, verified: boolean, createdMs: number): DomainDetail {
	const label = domain.split('.')[0];
	const token = Array.from({ length: 16 }, () => prng.int(16).toString(16)).join('');
	return {
		id: newUuid(prng.int),
		domain,
		is_verified: verified,
		created_at: iso(createdMs),
		cname_name: label,
		cname_value: 'cname.uselinkkit.com',
		txt_name: `_linkkit.${label}`,
		txt_value: `linkkit-verify=${token}`,
	};
}

export function seedDomains(prng: Prng, nowMs: number): DomainDetail[] {
	return [domainDetail(prng, VERIFIED_DOMAIN, true, nowMs - SEED_PERIOD_MS - 20 * DAY_MS), domainDetail(prng, UNVERIFIED_DOMAIN, false, nowMs - 10 * DAY_MS)];
}

/** Created before the links, a day apart, so a link can be in any of them. */
function createdDaysBefore(nowMs: number, index: number, count: number): string {
	return iso(nowMs - SEED_PERIOD_MS - (count - index) * DAY_MS);
}

export function seedLists(prng: Prng, nowMs: number): List[] {
	return LISTS.map(([name, color], index) => ({ id: newUuid(prng.int), name, color, created_at: createdDaysBefore(nowMs, index, LISTS.length) }));
}

export function seedTags(prng: Prng, nowMs: number): Tag[] {
	return TAGS.map(([name, color], index) => ({ id: newUuid(prng.int), name, color, created_at: createdDaysBefore(nowMs, index, TAGS.length) }));
}

export function seedUtmTemplates(prng: Prng, nowMs: number): UtmTemplate[] {
	return UTM_TEMPLATES.map((template, index) => ({ id: newUuid(prng.int), ...template, created_at: createdDaysBefore(nowMs, index, UTM_TEMPLATES.length) }));
}
