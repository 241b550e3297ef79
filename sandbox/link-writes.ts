/**
 * The rules for creating and changing a link that the schema cannot express: known domain, campaign and segments,
 * campaign inheritance (UTM values and default domain), slug generation and per-domain slug uniqueness.
 * Shared by the single create, the bulk create and the update.
 */
import { DEFAULT_DOMAIN, isAccountDomain, shortUrlOf } from './account';
import { ApiError, conflict } from './errors';
import { newId, newSlug } from './ids';
import type { Store } from './store';
import type { ErrorDetail, Link, LinkCreate, LinkUpdate, Utm, UtmInput } from './types';

export const EMPTY_UTM: Utm = { source: null, medium: null, campaign: null, term: null, content: null };

/** Per-key merge: a key given (even as null) wins, an omitted key keeps `base`. */
export function mergeUtm(base: Utm, input: UtmInput | undefined): Utm {
	return { ...base, ...(input ?? {}) } as Utm;
}

/** The 422 checks: every referenced domain, campaign and segment must exist in this account. */
function referenceProblems(store: Store, input: Pick<LinkUpdate, 'domain' | 'campaignId' | 'segmentRoutes'>): ErrorDetail[] {
	const problems: ErrorDetail[] = [];
	if (input.domain !== undefined && !isAccountDomain(input.domain)) {
		problems.push({ field: 'domain', message: `The domain ${input.domain} is not set up in this account.` });
	}
	if (input.campaignId && !store.campaigns.has(input.campaignId)) {
		problems.push({ field: 'campaignId', message: `No campaign ${input.campaignId} in this account.` });
	}
	input.segmentRoutes?.forEach((route, index) => {
		if (!store.segments.has(route.segmentId)) {
			problems.push({ field: `segmentRoutes[${index}].segmentId`, message: `No segment ${route.segmentId} in this account.` });
		}
	});
	return problems;
}

function throwIfProblems(problems: ErrorDetail[]): void {
	if (problems.length === 0) return;
	const message = problems.length === 1 ? problems[0].message : `${problems.length} fields are invalid.`;
	throw new ApiError(422, 'validation_failed', message, problems);
}

function assertSlugFree(store: Store, domain: string, slug: string, exceptLinkId?: string): void {
	const owner = store.linkIdBySlug(domain, slug);
	if (owner && owner !== exceptLinkId) throw conflict(`The slug "${slug}" is already taken on ${domain}.`);
}

function freeSlug(store: Store, domain: string): string {
	for (;;) {
		const slug = newSlug();
		if (!store.linkIdBySlug(domain, slug)) return slug;
	}
}

/** Builds and stores a link from a schema-valid LinkCreate; throws 422/409 ApiErrors. */
export function createLink(store: Store, input: LinkCreate, nowIso: string): Link {
	throwIfProblems(referenceProblems(store, input));
	const campaign = input.campaignId ? store.campaigns.get(input.campaignId) : undefined;
	const domain = (input.domain ?? campaign?.defaultDomain ?? DEFAULT_DOMAIN).toLowerCase();
	if (input.slug !== undefined) assertSlugFree(store, domain, input.slug);
	const slug = input.slug ?? freeSlug(store, domain);
	const link: Link = {
		id: newId('lnk'),
		shortUrl: shortUrlOf(domain, slug),
		domain,
		slug,
		destination: input.destination,
		title: input.title ?? null,
		description: input.description ?? null,
		tags: input.tags ?? [],
		campaignId: input.campaignId ?? null,
		// Inherit the campaign's UTM values for every key the caller did not give.
		utm: mergeUtm(campaign?.utm ?? EMPTY_UTM, input.utm),
		segmentRoutes: input.segmentRoutes ?? [],
		expiresAt: input.expiresAt ?? null,
		clicks: 0,
		createdAt: nowIso,
		updatedAt: nowIso,
	};
	store.putLink(link);
	return link;
}

/** Applies a schema-valid LinkUpdate: given fields replace, null clears, `utm` merges per key. */
export function updateLink(store: Store, link: Link, patch: LinkUpdate, nowIso: string): Link {
	throwIfProblems(referenceProblems(store, patch));
	const domain = (patch.domain ?? link.domain).toLowerCase();
	const slug = patch.slug ?? link.slug;
	if (domain !== link.domain || slug !== link.slug) assertSlugFree(store, domain, slug, link.id);
	const updated: Link = {
		...link,
		domain,
		slug,
		shortUrl: shortUrlOf(domain, slug),
		destination: patch.destination ?? link.destination,
		title: patch.title !== undefined ? patch.title : link.title,
		description: patch.description !== undefined ? patch.description : link.description,
		tags: patch.tags ?? link.tags,
		campaignId: patch.campaignId !== undefined ? patch.campaignId : link.campaignId,
		utm: mergeUtm(link.utm, patch.utm),
		segmentRoutes: patch.segmentRoutes ?? link.segmentRoutes,
		expiresAt: patch.expiresAt !== undefined ? patch.expiresAt : link.expiresAt,
		updatedAt: nowIso,
	};
	store.putLink(updated);
	return updated;
}
