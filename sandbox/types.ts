/** Contract types (generated from docs/openapi.yaml) plus the few internal fields the sandbox keeps beside them. */
import type { components } from '../core/generated/openapi';

type Schemas = components['schemas'];

export type Link = Schemas['Link'];
export type LinkCreate = Schemas['LinkCreate'];
export type LinkUpdate = Schemas['LinkUpdate'];
export type Utm = Schemas['Utm'];
export type UtmInput = Schemas['UtmInput'];
export type Campaign = Schemas['Campaign'];
export type CampaignCreate = Schemas['CampaignCreate'];
export type CampaignUpdate = Schemas['CampaignUpdate'];
export type Segment = Schemas['Segment'];
export type SegmentCreate = Schemas['SegmentCreate'];
export type SegmentUpdate = Schemas['SegmentUpdate'];
export type SegmentRule = Schemas['SegmentRule'];
export type Click = Schemas['Click'];
export type Scope = Schemas['Scope'];
export type Device = Schemas['Device'];
export type ErrorBody = Schemas['ErrorBody'];
export type ErrorDetail = Schemas['ErrorDetail'];
export type ErrorCode = Schemas['ErrorCode'];
export type Dimension = Schemas['Dimension'];
export type Interval = Schemas['Interval'];

/** A campaign as stored: `linkCount` is computed live from the links, never stored. */
export type StoredCampaign = Omit<Campaign, 'linkCount'>;

/**
 * A click as stored: the visitor id feeds unique-visitor counts but is not part of the public Click; the link's
 * short URL and title are not stored with it but read from the link when the click is served (they follow edits).
 */
export type StoredClick = Omit<Click, 'shortUrl' | 'linkTitle'> & { visitorId: string };

/** One remembered answer to a POST carrying an Idempotency-Key. */
export interface IdempotencyRecord {
	/** `<hash of API key>|<Idempotency-Key>`: keys are namespaced per API key, and the key itself is never kept. */
	scopeKey: string;
	/** Method, path and body hash: a reuse with anything else is a conflict. */
	fingerprint: string;
	status: number;
	body: unknown;
	createdAtMs: number;
}

/** Everything the sandbox persists; also the shape of the `--data` JSON file. */
export interface StoreData {
	version: 1;
	links: Link[];
	campaigns: StoredCampaign[];
	segments: Segment[];
	clicks: StoredClick[];
	idempotency: IdempotencyRecord[];
}
