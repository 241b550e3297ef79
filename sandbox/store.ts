/**
 * The sandbox's whole state, in memory: links, campaigns, segments, clicks and idempotency records, with the
 * indexes lookups need. It holds data only; the rules live in the routes and their helpers. Every mutation goes
 * through a method here so `onChange` (persistence) never misses one.
 *
 * Stored objects are never mutated in place, only replaced: that lets `reset()` reuse the seed's objects.
 */
import type { IdempotencyRecord, Link, Segment, StoreData, StoredCampaign, StoredClick } from './types';
import { VisibilityLag } from './visibility';

const slugKey = (domain: string, slug: string) => `${domain.toLowerCase()}/${slug}`;

export class Store {
	readonly links = new Map<string, Link>();
	readonly campaigns = new Map<string, StoredCampaign>();
	readonly segments = new Map<string, Segment>();
	/** Kept in insertion order; analytics filter and sort as they need. */
	clicks: StoredClick[] = [];
	readonly idempotency = new Map<string, IdempotencyRecord>();
	private readonly slugs = new Map<string, string>();

	/** Called after every change; persistence hooks in here. */
	onChange: () => void = () => {};
	/** When list results see each write (`--visibility-lag`); off unless the server sets a lag. */
	visibility = new VisibilityLag(0, 0, Date.now);

	constructor(data?: StoreData) {
		if (data) this.load(data);
	}

	load(data: StoreData): void {
		this.links.clear();
		this.campaigns.clear();
		this.segments.clear();
		this.idempotency.clear();
		this.slugs.clear();
		this.visibility.clear();
		for (const link of data.links) this.putLinkQuietly(link);
		for (const campaign of data.campaigns) this.campaigns.set(campaign.id, campaign);
		for (const segment of data.segments) this.segments.set(segment.id, segment);
		this.clicks = [...data.clicks];
		for (const record of data.idempotency) this.idempotency.set(record.scopeKey, record);
	}

	toJSON(): StoreData {
		return {
			version: 1,
			links: [...this.links.values()],
			campaigns: [...this.campaigns.values()],
			segments: [...this.segments.values()],
			clicks: this.clicks,
			idempotency: [...this.idempotency.values()],
		};
	}

	// Links ---------------------------------------------------------------------------------------------------

	linkIdBySlug(domain: string, slug: string): string | undefined {
		return this.slugs.get(slugKey(domain, slug));
	}

	findLinkBySlug(domain: string, slug: string): Link | undefined {
		const id = this.linkIdBySlug(domain, slug);
		return id ? this.links.get(id) : undefined;
	}

	/** Inserts or replaces a link, keeping the (domain, slug) index in step. */
	putLink(link: Link): void {
		this.visibility.written(this.links.get(link.id), link, link.updatedAt);
		this.putLinkQuietly(link);
		this.onChange();
	}

	private putLinkQuietly(link: Link): void {
		const previous = this.links.get(link.id);
		if (previous) this.slugs.delete(slugKey(previous.domain, previous.slug));
		this.links.set(link.id, link);
		this.slugs.set(slugKey(link.domain, link.slug), link.id);
	}

	/** Deletes a link and its clicks (analytics could no longer name the link). */
	deleteLink(id: string): void {
		const link = this.links.get(id);
		if (!link) return;
		this.links.delete(id);
		this.slugs.delete(slugKey(link.domain, link.slug));
		this.clicks = this.clicks.filter((click) => click.linkId !== id);
		this.onChange();
	}

	// Campaigns -----------------------------------------------------------------------------------------------

	putCampaign(campaign: StoredCampaign): void {
		this.visibility.written(this.campaigns.get(campaign.id), campaign, campaign.updatedAt);
		this.campaigns.set(campaign.id, campaign);
		this.onChange();
	}

	linkCount(campaignId: string): number {
		let count = 0;
		for (const link of this.links.values()) if (link.campaignId === campaignId) count++;
		return count;
	}

	/** Deletes a campaign; its links stay and lose their campaign (contract: deleteCampaign). */
	deleteCampaign(id: string, nowIso: string): void {
		this.campaigns.delete(id);
		for (const link of this.links.values()) {
			if (link.campaignId === id) this.replaceLinkFields(link, { campaignId: null, updatedAt: nowIso });
		}
		this.onChange();
	}

	// Segments ------------------------------------------------------------------------------------------------

	/** A change to a link as a side effect of another write (slug and domain unchanged, so no index update). */
	private replaceLinkFields(link: Link, fields: Partial<Link>): void {
		const updated = { ...link, ...fields };
		this.visibility.written(link, updated, updated.updatedAt);
		this.links.set(link.id, updated);
	}

	putSegment(segment: Segment): void {
		this.visibility.written(this.segments.get(segment.id), segment, segment.updatedAt);
		this.segments.set(segment.id, segment);
		this.onChange();
	}

	/** Deletes a segment and every link route pointing at it (contract: deleteSegment). */
	deleteSegment(id: string, nowIso: string): void {
		this.segments.delete(id);
		for (const link of this.links.values()) {
			if (!link.segmentRoutes.some((route) => route.segmentId === id)) continue;
			const segmentRoutes = link.segmentRoutes.filter((route) => route.segmentId !== id);
			this.replaceLinkFields(link, { segmentRoutes, updatedAt: nowIso });
		}
		this.onChange();
	}

	// Clicks --------------------------------------------------------------------------------------------------

	addClick(click: StoredClick): void {
		this.visibility.written(undefined, click, click.timestamp);
		this.clicks.push(click);
		const link = this.links.get(click.linkId);
		if (link) this.links.set(link.id, { ...link, clicks: link.clicks + 1 });
		this.onChange();
	}

	// Idempotency ---------------------------------------------------------------------------------------------

	rememberResponse(record: IdempotencyRecord): void {
		this.idempotency.set(record.scopeKey, record);
		this.onChange();
	}

	/** Drops records older than the 24 h replay window so the file does not grow forever. */
	forgetResponsesBefore(cutoffMs: number): void {
		for (const [key, record] of this.idempotency) if (record.createdAtMs < cutoffMs) this.idempotency.delete(key);
	}

	counts() {
		return {
			links: this.links.size,
			campaigns: this.campaigns.size,
			segments: this.segments.size,
			clicks: this.clicks.length,
			idempotencyKeys: this.idempotency.size,
		};
	}
}
