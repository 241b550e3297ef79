/**
 * The objects the sandbox keeps: the contract's schemas (generated from docs/openapi.yaml) with every field present,
 * as the sandbox always sends them, plus the few internal fields it keeps beside them.
 */
import type { components } from '../../core/generated/openapi';

type Schemas = components['schemas'];

/** The contract marks no field required; the sandbox always sends every one (null when empty). */
type Complete<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

export type Link = Complete<Schemas['Link']>;
export type Tag = Complete<Schemas['Tag']>;
export type List = Complete<Schemas['List']>;
export type UtmTemplate = Complete<Schemas['UtmTemplate']>;
export type QrCode = Complete<Schemas['QrCode']>;
export type Domain = Complete<Schemas['Domain']>;
export type DomainDetail = Domain & Complete<Omit<Schemas['DomainDetail'], keyof Schemas['Domain']>>;
export type Click = Complete<Schemas['Click']>;
export type Workspace = Complete<Schemas['Workspace']>;
export type WebhookEvent = Schemas['WebhookEvent'];
export type ConversionType = Schemas['ConversionType'];
export type BulkCreateResult = Complete<Schemas['BulkCreateResult']>;

/** A subscription as kept: the public Webhook, whose `secret` only the subscribe answer shows. */
export type Hook = Complete<Schemas['Webhook']>;
/** A subscription as the admin API shows it: never with its secret. */
export type HookView = Omit<Hook, 'secret'> & { workspace_id: string };

export type Conversion = Complete<Omit<Schemas['Conversion'], 'link'>> & { link: ConversionLink | null };
export type ConversionLink = Complete<NonNullable<Schemas['Conversion']['link']>>;
/** A conversion as kept: `link` is read from the link when served; `payment_processor` is taken but not shown. */
export type StoredConversion = Omit<Conversion, 'link'> & { payment_processor: string | null };

/** The person every key of the sandbox belongs to (`/v1/auth/test`). */
export interface User {
	id: string;
	email: string;
	name: string;
}

/** One workspace's data: also the shape of a workspace in the `--data` file. */
export interface WorkspaceData {
	workspace: Workspace;
	links: Link[];
	lists: List[];
	tags: Tag[];
	utm_templates: UtmTemplate[];
	qr_codes: QrCode[];
	domains: DomainDetail[];
	conversions: StoredConversion[];
	hooks: Hook[];
	/** By link id, oldest first. */
	clicks: Record<string, Click[]>;
}

/** Everything the sandbox persists: the `--data` file. The first workspace is the one the API key acts in. */
export interface StoreData {
	version: 2;
	user: User;
	workspaces: WorkspaceData[];
}
