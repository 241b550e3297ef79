/* eslint-disable @n8n/community-nodes/no-restricted-imports -- Zapier app, never shipped in the n8n package */
/** The Linkkit Zapier app: authentication, the header middleware, and every trigger, action and search. */
import { version as platformVersion } from 'zapier-platform-core';
import { authentication } from './authentication';
import { createCampaign } from './creates/create-campaign';
import { createLink } from './creates/create-link';
import { createSegment } from './creates/create-segment';
import { deleteLink } from './creates/delete-link';
import { updateCampaign } from './creates/update-campaign';
import { updateLink } from './creates/update-link';
import { updateSegment } from './creates/update-segment';
import { addLinkkitHeaders } from './middleware';
import { campaignAnalytics } from './searches/campaign-analytics';
import { findCampaign } from './searches/find-campaign';
import { findLink } from './searches/find-link';
import { findSegment } from './searches/find-segment';
import { linkAnalytics } from './searches/link-analytics';
import { clickMilestone } from './triggers/click-milestone';
import { campaignList, linkList, segmentList } from './triggers/dropdowns';
import { newCampaign } from './triggers/new-campaign';
import { newClick } from './triggers/new-click';
import { newLink } from './triggers/new-link';
import { newSegment } from './triggers/new-segment';
import { updatedLink } from './triggers/updated-link';

export default {
	version: '1.0.0',
	platformVersion,
	authentication,
	beforeRequest: [addLinkkitHeaders],
	flags: {
		// 429s reach the core (see client.ts); this makes that the app-wide default too, not just per request.
		throwForThrottlingEarly: false,
		// Set on purpose: the app reads empty values itself (inputs.ts: any empty value is "not given", and the
		// Update actions empty a field only through Clear Fields), so it sees inputs exactly as the user mapped them.
		cleanInputData: false,
	},
	triggers: {
		[newLink.key]: newLink,
		[updatedLink.key]: updatedLink,
		[newCampaign.key]: newCampaign,
		[newSegment.key]: newSegment,
		[newClick.key]: newClick,
		[clickMilestone.key]: clickMilestone,
		[linkList.key]: linkList,
		[campaignList.key]: campaignList,
		[segmentList.key]: segmentList,
	},
	creates: {
		[createLink.key]: createLink,
		[updateLink.key]: updateLink,
		[deleteLink.key]: deleteLink,
		[createCampaign.key]: createCampaign,
		[updateCampaign.key]: updateCampaign,
		[createSegment.key]: createSegment,
		[updateSegment.key]: updateSegment,
	},
	searches: {
		[findLink.key]: findLink,
		[findCampaign.key]: findCampaign,
		[findSegment.key]: findSegment,
		[linkAnalytics.key]: linkAnalytics,
		[campaignAnalytics.key]: campaignAnalytics,
	},
	searchOrCreates: {
		find_link: {
			key: 'find_link',
			display: { label: 'Find or Create Link', description: 'Finds a short link, or creates it when none exists.' },
			search: 'find_link',
			create: 'create_link',
		},
		find_campaign: {
			key: 'find_campaign',
			display: { label: 'Find or Create Campaign', description: 'Finds a campaign by name, or creates it when none exists.' },
			search: 'find_campaign',
			create: 'create_campaign',
		},
	},
};
