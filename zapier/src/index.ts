/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/** The Linkkit app for Zapier: authentication, the header middleware, and every trigger, action and search. */
import { version as platformVersion } from 'zapier-platform-core';
import { authentication } from './authentication';
import { createLink } from './creates/create-link';
import { createCampaignSetting, createSegment, createTag } from './creates/create-named';
import { createOrUpdateLink } from './creates/create-or-update-link';
import { createQrCode } from './creates/create-qr-code';
import { deleteLink } from './creates/delete-link';
import { addLinkToSegment, removeLinkFromSegment } from './creates/link-segment';
import { trackLead, trackSale } from './creates/track';
import { updateLink } from './creates/update-link';
import { addLinkkitHeaders } from './middleware';
import { findConversion } from './searches/find-conversion';
import { findLink } from './searches/find-link';
import { findCampaignSetting, findSegment } from './searches/find-named';
import { linkClickStats } from './searches/link-click-stats';
import { clickMilestone } from './triggers/click-milestone';
import { newClick } from './triggers/new-click';
import { newConversion } from './triggers/new-conversion';
import { newLink } from './triggers/new-link';
import { linkClicked, linkCreated, linkDeleted, linkUpdated } from './triggers/instant';
import { campaignSettingList, domainList, linkList, segmentList } from './triggers/pickers';
import { updatedLink } from './triggers/updated-link';

const byKey = <T extends { key: string }>(...steps: T[]): Record<string, T> => Object.fromEntries(steps.map((step) => [step.key, step]));

export default {
	version: '2.0.0',
	platformVersion,
	authentication,
	beforeRequest: [addLinkkitHeaders],
	flags: {
		// 429s reach the core (see client.ts); this makes that the app-wide default too, not just per request.
		throwForThrottlingEarly: false,
		// Set on purpose: the app reads empty values itself (inputs.ts: any empty value is "not given", and Update
		// Link empties a field only through Clear Fields), so it sees inputs exactly as the user mapped them.
		cleanInputData: false,
	},
	triggers: byKey<{ key: string }>(
		// Instant (Linkkit's webhooks), offered first; the polling New Link, Updated Link and New Click stay, hidden,
		// for the Zaps built on them (README: "Instant triggers").
		linkCreated,
		linkUpdated,
		linkDeleted,
		linkClicked,
		clickMilestone,
		newConversion,
		newLink,
		updatedLink,
		newClick,
		linkList,
		segmentList,
		campaignSettingList,
		domainList,
	),
	creates: byKey<{ key: string }>(
		createLink,
		createOrUpdateLink,
		updateLink,
		addLinkToSegment,
		removeLinkFromSegment,
		deleteLink,
		createSegment,
		createCampaignSetting,
		createTag,
		createQrCode,
		trackLead,
		trackSale,
	),
	searches: byKey<{ key: string }>(findLink, findSegment, findCampaignSetting, findConversion, linkClickStats),
	searchOrCreates: {
		find_link: {
			key: 'find_link',
			display: { label: 'Find or Create Link', description: 'Finds a short link, or creates it when none is found.' },
			search: 'find_link',
			create: 'create_link',
		},
		find_segment: {
			key: 'find_segment',
			display: { label: 'Find or Create Segment', description: 'Finds a segment by name, or creates it when none is found.' },
			search: 'find_segment',
			create: 'create_segment',
		},
		find_campaign_setting: {
			key: 'find_campaign_setting',
			display: { label: 'Find or Create Campaign Setting', description: 'Finds a campaign setting by name, or creates it when none is found.' },
			search: 'find_campaign_setting',
			create: 'create_campaign_setting',
		},
	},
};
