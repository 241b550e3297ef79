import { wasEditedAfterCreation, type Link } from '../../../core';
import { updatedLinkOutputFields } from '../output-fields/link';
import { linkkitPerform } from '../perform';
import { updatedLinkSample } from '../samples/derived';
import { newestForPoll } from './poll';

/**
 * Zapier fires once per new `id`. A link keeps its id when it changes, so each change gets its own id from the
 * link id and the change time; the link id stays available as `linkId`.
 */
export function asUpdate(link: Link) {
	return { ...link, id: `${link.id}-${link.updatedAt}`, linkId: link.id };
}

export const updatedLink = {
	key: 'updated_link',
	noun: 'Link',
	display: {
		label: 'Updated Link',
		description: 'Triggers when an existing short link is changed (destination, slug, tags, campaign or any other setting).',
	},
	operation: {
		type: 'polling' as const,
		perform: linkkitPerform([], async (client, bundle) => {
			const links = await newestForPoll(bundle, (options) => client.links.iterate({ sort: '-updatedAt' }, options));
			// A link never changed since it was created is New Link's event, not this one.
			return links.filter(wasEditedAfterCreation).map(asUpdate);
		}),
		sample: updatedLinkSample,
		outputFields: updatedLinkOutputFields,
	},
};
