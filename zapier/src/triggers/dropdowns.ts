/** Hidden triggers that fill the Link, Campaign and Segment dropdowns, a page at a time. */
import { linkLabel } from '../../../core';
import { linkkitPerform } from '../perform';
import { campaignSample } from '../samples/campaign';
import { linkSample } from '../samples/link';
import { segmentSample } from '../samples/segment';
import { dropdownPage } from './dropdown-page';

export const linkList = {
	key: 'link_list',
	noun: 'Link',
	display: { label: 'List of Links', description: 'Fills the Link dropdowns.', hidden: true },
	operation: {
		type: 'polling' as const,
		canPaginate: true,
		perform: linkkitPerform([], async (client, bundle, z) => {
			const links = await dropdownPage(z, bundle, (page) => client.links.listPage({}, page));
			return links.map((link) => ({ ...link, label: linkLabel(link) }));
		}),
		sample: { ...linkSample, label: linkLabel(linkSample) },
	},
};

export const campaignList = {
	key: 'campaign_list',
	noun: 'Campaign',
	display: { label: 'List of Campaigns', description: 'Fills the Campaign dropdowns.', hidden: true },
	operation: {
		type: 'polling' as const,
		canPaginate: true,
		perform: linkkitPerform([], async (client, bundle, z) => dropdownPage(z, bundle, (page) => client.campaigns.listPage({}, page))),
		sample: campaignSample,
	},
};

export const segmentList = {
	key: 'segment_list',
	noun: 'Segment',
	display: { label: 'List of Segments', description: 'Fills the Segment dropdowns.', hidden: true },
	operation: {
		type: 'polling' as const,
		canPaginate: true,
		perform: linkkitPerform([], async (client, bundle, z) => dropdownPage(z, bundle, (page) => client.segments.listPage({}, page))),
		sample: segmentSample,
	},
};
