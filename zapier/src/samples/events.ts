/** Samples of the triggers that report events on links: clicks, milestones, conversions, edits. */
import type { ClickOutput } from '../outputs/click';
import type { ConversionOutput } from '../outputs/conversion';
import { linkSample, linkSummarySample } from './link';

export const clickSample: ClickOutput = {
	id: 'c3d9e1a7-4b2f-4e8c-a6d0-9f1b3e5c7a29',
	clicked_at: '2026-04-03T17:05:42.000Z',
	country: 'DE',
	city: 'Berlin',
	device: 'mobile',
	browser: 'Safari',
	os: 'iOS',
	referer: 'https://news.ycombinator.com/',
	link_id: linkSample.id,
	short_code: linkSample.short_code,
	short_url: linkSample.short_url,
	link_title: linkSample.title,
};

/** Click Milestone: the link as every link output, with the milestone's own id (link id and milestone). */
export const milestoneSample = { ...linkSample, id: `${linkSample.id}-1000`, link_id: linkSample.id, milestone: 1000, clicks: 1004 };

export const conversionSample: ConversionOutput = {
	id: '8e2c4a6f-1d3b-4f5e-9a7c-2b4d6f8a0c13',
	type: 'sale',
	event_name: 'Purchase',
	customer_external_id: 'cus_4711',
	customer_name: 'Ada Lovelace',
	customer_email: 'ada@example.com',
	amount: 4999,
	currency: 'eur',
	invoice_id: 'INV-2026-0042',
	link_id: linkSample.id,
	click_id: clickSample.id,
	metadata: { plan: 'pro' },
	created_at: '2026-04-03T17:12:05.000Z',
	link: linkSummarySample,
};

/** Updated Link: each edit has its own id (link id and edit time); the link's id stays in link_id. */
export const updatedLinkSample = { ...linkSample, id: `${linkSample.id}-${linkSample.updated_at}`, link_id: linkSample.id };

/** Deleted Link (instant): the link as it was when deleted, and when (Linkkit's event time). */
export const linkDeletedSample = { ...linkSample, deleted_at: '2026-06-01T07:30:12.000Z' as string | null };
