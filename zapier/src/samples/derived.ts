/** Samples for outputs the Zapier layer shapes itself (their ids follow the dedupe rules of the triggers). */
import { campaignSample } from './campaign';
import { linkSample } from './link';

export const updatedLinkSample = { ...linkSample, id: `${linkSample.id}-${linkSample.updatedAt}`, linkId: linkSample.id };

export const milestoneSample = {
	id: `${linkSample.id}-1000`,
	milestone: 1000,
	linkId: linkSample.id,
	clicks: linkSample.clicks,
	link: linkSample,
};

export const linkAnalyticsSample = {
	id: `${linkSample.id}:2026-03-04T00:00:00.000Z:2026-04-03T00:00:00.000Z`,
	linkId: linkSample.id,
	segmentId: null,
	clicks: 1284,
	uniqueVisitors: 977,
	from: '2026-03-04T00:00:00.000Z',
	to: '2026-04-03T00:00:00.000Z',
};

export const campaignAnalyticsSample = {
	id: `${campaignSample.id}:2026-03-04T00:00:00.000Z:2026-04-03T00:00:00.000Z`,
	campaignId: campaignSample.id,
	segmentId: null,
	clicks: 5210,
	uniqueVisitors: 3904,
	from: '2026-03-04T00:00:00.000Z',
	to: '2026-04-03T00:00:00.000Z',
};

export const deletedLinkSample = { id: linkSample.id, deleted: true as const };
