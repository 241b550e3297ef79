/**
 * One workspace's data in memory, with the indexes its reads need. Only the Store changes it, so every change goes
 * through one place (visibility lag, persistence, the global code index).
 */
import { OrderedIndex } from './ordered-index';
import type { Click, DomainDetail, Hook, Link, List, QrCode, StoredConversion, Tag, UtmTemplate, Workspace, WorkspaceData } from './types';

export const linkOrder = (link: Link) => [link.created_at, link.id] as const;
export const clickOrder = (click: Click) => [click.clicked_at, click.id] as const;
export const conversionOrder = (conversion: StoredConversion) => [conversion.created_at, conversion.id] as const;

export class WorkspaceState {
	workspace: Workspace;
	/** Links created in this workspace beyond which creates answer 403 (`--plan-links`); null: no limit. */
	linkLimit: number | null = null;
	readonly links = new Map<string, Link>();
	readonly linksByAge = new OrderedIndex<Link>(linkOrder);
	readonly lists = new Map<string, List>();
	readonly tags = new Map<string, Tag>();
	readonly utmTemplates = new Map<string, UtmTemplate>();
	readonly qrCodes = new Map<string, QrCode>();
	readonly domains = new Map<string, DomainDetail>();
	readonly conversions = new Map<string, StoredConversion>();
	readonly conversionsByAge = new OrderedIndex<StoredConversion>(conversionOrder);
	readonly hooks = new Map<string, Hook>();
	/** By link id. */
	readonly clicks = new Map<string, OrderedIndex<Click>>();

	constructor(data: WorkspaceData) {
		this.workspace = data.workspace;
		for (const link of data.links) this.links.set(link.id, link);
		this.linksByAge.insertMany(data.links);
		for (const list of data.lists) this.lists.set(list.id, list);
		for (const tag of data.tags) this.tags.set(tag.id, tag);
		for (const template of data.utm_templates) this.utmTemplates.set(template.id, template);
		for (const qrCode of data.qr_codes) this.qrCodes.set(qrCode.id, qrCode);
		for (const domain of data.domains) this.domains.set(domain.id, domain);
		for (const conversion of data.conversions) this.conversions.set(conversion.id, conversion);
		this.conversionsByAge.insertMany(data.conversions);
		for (const hook of data.hooks) this.hooks.set(hook.id, hook);
		for (const [linkId, clicks] of Object.entries(data.clicks)) this.clicksOf(linkId).insertMany(clicks);
	}

	clicksOf(linkId: string): OrderedIndex<Click> {
		let index = this.clicks.get(linkId);
		if (!index) {
			index = new OrderedIndex<Click>(clickOrder);
			this.clicks.set(linkId, index);
		}
		return index;
	}

	/** The custom domain as this workspace spells it, or undefined when it has no such domain (A9). */
	domainNamed(name: string): DomainDetail | undefined {
		const wanted = name.toLowerCase();
		for (const domain of this.domains.values()) if (domain.domain === wanted) return domain;
		return undefined;
	}

	toJSON(): WorkspaceData {
		const clicks: Record<string, Click[]> = {};
		for (const [linkId, index] of this.clicks) if (index.size > 0) clicks[linkId] = index.all();
		return {
			workspace: this.workspace,
			links: this.linksByAge.all(),
			lists: [...this.lists.values()],
			tags: [...this.tags.values()],
			utm_templates: [...this.utmTemplates.values()],
			qr_codes: [...this.qrCodes.values()],
			domains: [...this.domains.values()],
			conversions: this.conversionsByAge.all(),
			hooks: [...this.hooks.values()],
			clicks,
		};
	}
}
