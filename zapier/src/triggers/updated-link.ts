/**
 * Updated Link. Linkkit lists links by creation only and has no "changed since" filter, so every poll reads all the
 * workspace's links (or a segment's), one request per 100 links, and picks those changed since the last poll by
 * `updated_at`. That is this trigger's cost; the help text says so and offers the segment filter to lower it.
 */
import { LinkkitError, updatedLinkFeed, wasEdited, type LinkkitClient, type LinkWithUrl } from '../../../core';
import { segmentPicker } from '../fields/pickers';
import { optionalText } from '../inputs';
import { updatedLinkOutputFields } from '../output-fields/link';
import { linkOutputs } from '../outputs/link';
import { PAGE_SIZE } from '../polling/paged-read';
import { pollFeed } from '../polling/poll';
import type { Stamp } from '../polling/stamp';
import { linkkitPerform } from '../perform';
import { updatedLinkSample } from '../samples/events';

/** More than this (100 requests a poll) does not reliably fit in a Zapier step. */
export const MAX_LINKS_READ = 10_000;

const inputFields = [
	segmentPicker({
		inAction: false,
		helpText:
			'Only links in this segment. Each check reads all the links it watches (one request per 100 links), so a ' +
			'segment makes checks faster on a large workspace. Leave empty to watch every link.',
	}),
];

/**
 * Every link the trigger watches that was changed after it was created, read page by page (the core's feed). With
 * `upTo`, only the newest that many links are read, and a large workspace is no reason to refuse (samples).
 */
export async function editedLinks(client: LinkkitClient, segmentId: string | undefined, upTo?: number): Promise<LinkWithUrl[]> {
	const feed = updatedLinkFeed(client, segmentId);
	const seen = new Map<string, LinkWithUrl>();
	const most = upTo ?? MAX_LINKS_READ;
	for (let page = 1; ; page++) {
		const answer = await feed.read(page, PAGE_SIZE);
		if (upTo === undefined && page === 1 && answer.total !== undefined && answer.total > MAX_LINKS_READ) {
			throw new LinkkitError({
				code: 'bad_request',
				message: `Updated Link reads every link it watches on each check, and these are ${answer.total} links, more than the ${MAX_LINKS_READ} one check can read. Choose a Segment to watch fewer links.`,
			});
		}
		for (const link of answer.data) seen.set(link.id, link);
		if (answer.data.length < PAGE_SIZE || (answer.total !== undefined && page * PAGE_SIZE >= answer.total) || page * PAGE_SIZE >= most) break;
	}
	return [...seen.values()].filter(wasEdited);
}

const stamp = (link: LinkWithUrl): Stamp => ({ at: link.updated_at, id: link.id });

export const updatedLink = {
	key: 'updated_link',
	noun: 'Link',
	display: {
		label: 'Updated Link (Polling)',
		description: "Triggers when a short link's details change, checked every few minutes. Replaced by the instant Updated Link.",
		// Kept for the Zaps built on it before the instant trigger existed; new Zaps get the instant one (README).
		hidden: true,
	},
	operation: {
		type: 'polling' as const,
		inputFields,
		perform: linkkitPerform(inputFields, async (client, bundle, z) => {
			const segmentId = optionalText(bundle.inputData.list_id);
			return await pollFeed(z, bundle, client, {
				trigger: 'updated_link',
				stamp,
				read: () => editedLinks(client, segmentId),
				newest: async (count) => (await editedLinks(client, segmentId)).sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at)).slice(0, count),
				// Zapier fires once per id: each edit gets its own (link id and edit time); the link's id stays in link_id.
				output: async (links) => (await linkOutputs(client, links)).map((link) => ({ ...link, id: `${link.id}-${link.updated_at}`, link_id: link.id })),
			});
		}),
		sample: updatedLinkSample,
		outputFields: updatedLinkOutputFields,
	},
};
