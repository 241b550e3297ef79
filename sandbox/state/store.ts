/**
 * The sandbox's whole state, in memory: the user, the workspaces and their data, with the indexes that span
 * workspaces (short codes are unique across Linkkit, A5; a click id names one click wherever it is). It holds data
 * only; the rules live in the routes and their helpers. Every change goes through a method here, so `onChange`
 * (persistence) and the visibility lag never miss one.
 *
 * Stored objects are never changed in place, only replaced: that lets `reset()` reuse the seed's objects.
 */
import { VisibilityLag } from '../visibility';
import type { Click, Hook, Link, List, QrCode, StoreData, StoredConversion, Tag, User, UtmTemplate } from './types';
import { WorkspaceState } from './workspace-state';

export interface CodeOwner {
	workspace: WorkspaceState;
	linkId: string;
}

/** The collections that are plain CRUD by id. */
export interface NamedCollections {
	lists: List;
	tags: Tag;
	utmTemplates: UtmTemplate;
	qrCodes: QrCode;
}
export type NamedCollection = keyof NamedCollections;

export class Store {
	user!: User;
	workspaces: WorkspaceState[] = [];
	private readonly byId = new Map<string, WorkspaceState>();
	private readonly codes = new Map<string, CodeOwner>();
	private readonly clickOwners = new Map<string, CodeOwner>();

	/** Called after every change; persistence hooks in here. */
	onChange: () => void = () => {};
	/** When list results see each write (`--visibility-lag`); off unless the server sets a lag. */
	visibility = new VisibilityLag(0, 0, Date.now);

	constructor(data?: StoreData) {
		if (data) this.load(data);
	}

	load(data: StoreData): void {
		this.user = data.user;
		this.workspaces = data.workspaces.map((workspace) => new WorkspaceState(workspace));
		this.byId.clear();
		this.codes.clear();
		this.clickOwners.clear();
		this.visibility.clear();
		for (const workspace of this.workspaces) {
			this.byId.set(workspace.workspace.id, workspace);
			for (const link of workspace.links.values()) this.codes.set(link.short_code, { workspace, linkId: link.id });
			for (const [linkId, clicks] of workspace.clicks) {
				for (const click of clicks.newestFirst()) this.clickOwners.set(click.id, { workspace, linkId });
			}
		}
	}

	toJSON(): StoreData {
		return { version: 2, user: this.user, workspaces: this.workspaces.map((workspace) => workspace.toJSON()) };
	}

	workspace(id: string): WorkspaceState | undefined {
		return this.byId.get(id);
	}

	// Links ---------------------------------------------------------------------------------------------------

	/** Which workspace holds a short code, in any workspace. */
	ownerOfCode(code: string): CodeOwner | undefined {
		return this.codes.get(code);
	}

	linkByCode(code: string): { workspace: WorkspaceState; link: Link } | undefined {
		const owner = this.codes.get(code);
		const link = owner?.workspace.links.get(owner.linkId);
		return owner && link ? { workspace: owner.workspace, link } : undefined;
	}

	/** Inserts a link or replaces it by id (a rename moves its code). */
	putLink(workspace: WorkspaceState, link: Link): void {
		const before = workspace.links.get(link.id);
		this.visibility.written(before, link, link.updated_at);
		if (before && before.short_code !== link.short_code) this.codes.delete(before.short_code);
		this.codes.set(link.short_code, { workspace, linkId: link.id });
		workspace.links.set(link.id, link);
		if (before) workspace.linksByAge.replace(link);
		else workspace.linksByAge.insert(link);
		this.onChange();
	}

	/** Many new links of one request (bulk, A13): one change. */
	addLinks(workspace: WorkspaceState, links: readonly Link[]): void {
		for (const link of links) {
			this.visibility.written(undefined, link, link.updated_at);
			this.codes.set(link.short_code, { workspace, linkId: link.id });
			workspace.links.set(link.id, link);
			workspace.linksByAge.insert(link);
		}
		this.onChange();
	}

	/** Deletes a link and its clicks (they could no longer be addressed); its code is free again. */
	deleteLink(workspace: WorkspaceState, link: Link): void {
		workspace.links.delete(link.id);
		workspace.linksByAge.remove(link);
		this.codes.delete(link.short_code);
		for (const click of workspace.clicks.get(link.id)?.newestFirst() ?? []) this.clickOwners.delete(click.id);
		workspace.clicks.delete(link.id);
		this.onChange();
	}

	// Lists, tags, UTM templates, QR codes --------------------------------------------------------------------

	putItem<C extends NamedCollection>(workspace: WorkspaceState, collection: C, item: NamedCollections[C]): void {
		(workspace[collection] as Map<string, NamedCollections[C]>).set(item.id, item);
		this.onChange();
	}

	/** Deletes by id; a deleted list's links stay, out of any list (A12: their updated_at is left as it was). */
	deleteItem(workspace: WorkspaceState, collection: NamedCollection, id: string): void {
		workspace[collection].delete(id);
		if (collection === 'lists') {
			for (const link of workspace.links.values()) {
				if (link.list_id !== id) continue;
				const updated = { ...link, list_id: null };
				workspace.links.set(link.id, updated);
				workspace.linksByAge.replace(updated);
			}
		}
		this.onChange();
	}

	// Clicks ----------------------------------------------------------------------------------------------------

	clickOwner(clickId: string): CodeOwner | undefined {
		return this.clickOwners.get(clickId);
	}

	addClicks(workspace: WorkspaceState, linkId: string, clicks: readonly Click[]): void {
		const index = workspace.clicksOf(linkId);
		if (clicks.length === 1) index.insert(clicks[0]);
		else index.insertMany(clicks);
		for (const click of clicks) {
			this.visibility.written(undefined, click, click.clicked_at);
			this.clickOwners.set(click.id, { workspace, linkId });
		}
		this.onChange();
	}

	// Conversions, hooks ----------------------------------------------------------------------------------------

	addConversion(workspace: WorkspaceState, conversion: StoredConversion): void {
		this.visibility.written(undefined, conversion, conversion.created_at);
		workspace.conversions.set(conversion.id, conversion);
		workspace.conversionsByAge.insert(conversion);
		this.onChange();
	}

	putHook(workspace: WorkspaceState, hook: Hook): void {
		workspace.hooks.set(hook.id, hook);
		this.onChange();
	}

	deleteHook(workspace: WorkspaceState, id: string): void {
		workspace.hooks.delete(id);
		this.onChange();
	}

	/** What one workspace holds (by default the first, the one the API key acts in). */
	counts(workspace: WorkspaceState = this.workspaces[0]) {
		let clicks = 0;
		for (const index of workspace.clicks.values()) clicks += index.size;
		return {
			links: workspace.links.size,
			clicks,
			lists: workspace.lists.size,
			tags: workspace.tags.size,
			utmTemplates: workspace.utmTemplates.size,
			qrCodes: workspace.qrCodes.size,
			domains: workspace.domains.size,
			conversions: workspace.conversions.size,
			hooks: workspace.hooks.size,
		};
	}
}
