/** Hidden triggers that fill the dropdowns: links (a page at a time), segments, campaign settings and domains. */
import { linkLabel, withShortUrl } from '../../../core';
import { linkkitPerform } from '../perform';
import { PAGE_SIZE } from '../polling/paged-read';
import { linkSample } from '../samples/link';
import { campaignSettingSample, domainSample, segmentSample } from '../samples/workspace';

export const linkList = {
	key: 'link_list',
	noun: 'Link',
	display: { label: 'List of Links', description: 'Triggers when the Link dropdown is opened (newest links first).', hidden: true },
	operation: {
		type: 'polling' as const,
		canPaginate: true,
		// Zapier asks for page 0, 1, 2 … as the user scrolls; Linkkit's pages start at 1.
		perform: linkkitPerform([], async (client, bundle) => {
			const page = Math.max(0, Number(bundle.meta?.page) || 0) + 1;
			const answer = await client.links.listPage({}, page, PAGE_SIZE);
			return (answer.data ?? []).map(withShortUrl).map((link) => ({ id: link.id, short_code: link.short_code, short_url: link.short_url, label: linkLabel(link) }));
		}),
		sample: { id: linkSample.id, short_code: linkSample.short_code, short_url: linkSample.short_url, label: linkLabel(linkSample) },
	},
};

export const segmentList = {
	key: 'segment_list',
	noun: 'Segment',
	display: { label: 'List of Segments', description: 'Triggers when the Segment dropdown is opened.', hidden: true },
	operation: {
		type: 'polling' as const,
		perform: linkkitPerform([], async (client) => client.segments.list()),
		sample: segmentSample,
	},
};

export const campaignSettingList = {
	key: 'campaign_setting_list',
	noun: 'Campaign Setting',
	display: { label: 'List of Campaign Settings', description: 'Triggers when the Campaign Setting dropdown is opened.', hidden: true },
	operation: {
		type: 'polling' as const,
		perform: linkkitPerform([], async (client) => client.campaignSettings.list()),
		sample: campaignSettingSample,
	},
};

export const domainList = {
	key: 'domain_list',
	noun: 'Domain',
	display: { label: 'List of Domains', description: 'Triggers when the Custom Domain dropdown is opened.', hidden: true },
	operation: {
		type: 'polling' as const,
		perform: linkkitPerform([], async (client) =>
			(await client.account.domains()).map((domain) => ({ ...domain, label: domain.is_verified === false ? `${domain.domain} (not verified)` : domain.domain })),
		),
		sample: domainSample,
	},
};
