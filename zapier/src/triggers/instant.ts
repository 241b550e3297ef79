/**
 * The instant triggers, one per Linkkit webhook event: New Link (`link.created`), Updated Link (`link.updated`),
 * Deleted Link (`link.deleted`) and New Click (`link.clicked`). How a delivery is checked, remembered and turned into
 * items is hooks/instant-trigger.ts; this file holds what differs per event: the filters a Zap can choose, the item
 * (the polling trigger's shape, from the core's `deliveryItem`) and the recent items the Zap editor shows (read with
 * the polling triggers' feeds).
 */
import {
	deliveryItem,
	shortCodeFrom,
	validateUuid,
	type DeliveredClick,
	type LinkkitClient,
	type LinkWithUrl,
	type WebhookDelivery,
} from '../../../core';
import { linkPicker, segmentPicker } from '../fields/pickers';
import { instantTrigger, type SubscriptionFilters } from '../hooks/instant-trigger';
import type { Subscription } from '../hooks/subscription';
import { optionalText } from '../inputs';
import { clickOutputFields } from '../output-fields/events';
import { linkDeletedOutputFields, linkOutputFields, updatedLinkOutputFields } from '../output-fields/link';
import { clickOutput, deliveredClickOutput, type ClickOutput } from '../outputs/click';
import { linkOutputs, type LinkOutput } from '../outputs/link';
import { clicksOf, linksByCreation } from '../polling/link-feeds';
import { SAMPLE_SIZE } from '../polling/poll';
import { clickSample, linkDeletedSample, updatedLinkSample } from '../samples/events';
import { linkSample } from '../samples/link';
import { editedLinks } from './updated-link';

/** How many of the newest links the Zap editor's sample for Updated Link looks through for edited ones. */
const EDITED_SAMPLE_LINKS = 300;
/** How many of the newest links New Click's sample looks through for clicks when no link is chosen. */
const CLICK_SAMPLE_LINKS = 10;

const segmentFilter = async (_client: LinkkitClient, bundle: { inputData?: Record<string, unknown> }): Promise<SubscriptionFilters> => {
	const segment = optionalText(bundle.inputData?.list_id);
	return segment === undefined ? {} : { list_id: validateUuid('list_id', segment, 'segment') };
};

/**
 * A link event's link with every field the outputs need. Linkkit's deliveries carry the whole link (A19); a delivery
 * that names it only by code was completed by `deliveryItem`, or, for a link that is gone, has what it has.
 */
function asLink(item: Record<string, unknown>): LinkWithUrl {
	const text = (value: unknown) => (value === undefined ? null : (value as string | null));
	return {
		...item,
		id: String(item.id ?? item.short_code ?? ''),
		short_code: String(item.short_code ?? ''),
		original_url: String(item.original_url ?? ''),
		created_at: text(item.created_at),
		updated_at: text(item.updated_at),
		short_url: String(item.short_url ?? ''),
	} as LinkWithUrl;
}

/** The delivered link in the polling triggers' shape, or none when it is outside the Zap's segment. */
async function deliveredLink(client: LinkkitClient, delivery: WebhookDelivery, subscription: Subscription): Promise<LinkOutput[]> {
	const link = asLink((await deliveryItem(delivery, client)) as Record<string, unknown>);
	if (subscription.list_id && link.list_id !== subscription.list_id) return [];
	return await linkOutputs(client, [link]);
}

const newestLinks = async (client: LinkkitClient, bundle: { inputData?: Record<string, unknown> }) =>
	(await linksByCreation(client, optionalText(bundle.inputData?.list_id)).page(1, SAMPLE_SIZE)).data;

/** Updated Link's item: each edit its own id (link id and edit time), the link's id in `link_id` — as polling's. */
const asEdit = (link: LinkOutput) => ({ ...link, id: `${link.id}-${link.updated_at}`, link_id: link.id });

/** Deleted Link's item: the link as it was, and Linkkit's time of the deletion. */
const asDeletion = (link: LinkOutput, deletedAt: string | null) => ({ ...link, deleted_at: deletedAt });

const segmentField = (helpText: string) => [segmentPicker({ inAction: false, helpText })];

export const linkCreated = instantTrigger({
	key: 'link_created',
	noun: 'Link',
	label: 'New Link',
	description: 'Triggers when a short link is created.',
	event: 'link.created',
	inputFields: segmentField('Only links created in this segment. Leave empty for every new link.'),
	filters: segmentFilter,
	items: deliveredLink,
	list: async (client, bundle) => await linkOutputs(client, await newestLinks(client, bundle)),
	sample: linkSample,
	outputFields: linkOutputFields,
});

export const linkUpdated = instantTrigger({
	key: 'link_updated',
	noun: 'Link',
	label: 'Updated Link',
	description: "Triggers when a short link's details change (destination, title, short code, segment or any other).",
	event: 'link.updated',
	inputFields: segmentField('Only links in this segment (as they are after the change). Leave empty for every link.'),
	filters: segmentFilter,
	items: async (client, delivery, subscription) => (await deliveredLink(client, delivery, subscription)).map(asEdit),
	list: async (client, bundle) => {
		// The newest edits among the newest links (Linkkit lists links by creation only); a workspace without any
		// edit there shows its newest links, in the same shape.
		const edited = (await editedLinks(client, optionalText(bundle.inputData?.list_id), EDITED_SAMPLE_LINKS))
			.sort((a, b) => Date.parse(b.updated_at) - Date.parse(a.updated_at))
			.slice(0, SAMPLE_SIZE);
		return (await linkOutputs(client, edited.length ? edited : await newestLinks(client, bundle))).map(asEdit);
	},
	sample: updatedLinkSample,
	outputFields: updatedLinkOutputFields,
});

export const linkDeleted = instantTrigger({
	key: 'link_deleted',
	noun: 'Link',
	label: 'Deleted Link',
	description: 'Triggers when a short link is deleted.',
	event: 'link.deleted',
	inputFields: segmentField('Only links that were in this segment when deleted. Leave empty for every deleted link.'),
	filters: segmentFilter,
	items: async (client, delivery, subscription) => (await deliveredLink(client, delivery, subscription)).map((link) => asDeletion(link, delivery.created_at ?? null)),
	// Linkkit cannot list deleted links: the editor shows the newest links as a deletion will carry them (no Deleted At).
	list: async (client, bundle) => (await linkOutputs(client, await newestLinks(client, bundle))).map((link) => asDeletion(link, null)),
	sample: linkDeletedSample,
	outputFields: linkDeletedOutputFields,
});

/** New Click's item: the core's delivered click with the link's title, read once for it (the core reads the link). */
async function deliveredClick(client: LinkkitClient, delivery: WebhookDelivery, subscription: Subscription): Promise<ClickOutput[]> {
	const read = new Map<string, LinkWithUrl>();
	const remembering: LinkkitClient = {
		...client,
		links: {
			...client.links,
			get: async (code: string) => {
				const link = await client.links.get(code);
				read.set(link.short_code, link);
				return link;
			},
		},
	};
	const item = (await deliveryItem(delivery, remembering)) as DeliveredClick;
	if (subscription.link_id && item.link_id !== subscription.link_id) return [];
	return [deliveredClickOutput(item, read.get(item.short_code)?.title ?? null)];
}

/** The newest clicks: on the chosen link, or on the newest links that have any. */
async function recentClicks(client: LinkkitClient, bundle: { inputData?: Record<string, unknown> }): Promise<ClickOutput[]> {
	const chosen = optionalText(bundle.inputData?.link);
	const links = chosen ? [await client.links.get(shortCodeFrom('link', chosen))] : (await linksByCreation(client, undefined).page(1, CLICK_SAMPLE_LINKS)).data;
	const clicks: ClickOutput[] = [];
	for (const link of links) {
		for (const click of (await clicksOf(client, link.short_code).page(1, SAMPLE_SIZE)).data) clicks.push(clickOutput(click, link));
		if (clicks.length >= SAMPLE_SIZE) break;
	}
	return clicks.sort((a, b) => Date.parse(b.clicked_at) - Date.parse(a.clicked_at)).slice(0, SAMPLE_SIZE);
}

export const linkClicked = instantTrigger({
	key: 'link_clicked',
	noun: 'Click',
	label: 'New Click',
	description: 'Triggers when someone clicks a short link (any link, or one you choose).',
	event: 'link.clicked',
	inputFields: [
		linkPicker({
			required: false,
			inAction: false,
			helpText: 'Only clicks on this link: pick it, or enter its short code or short URL. Leave empty for clicks on every link.',
		}),
	],
	filters: async (client, bundle) => {
		const chosen = optionalText(bundle.inputData?.link);
		if (chosen === undefined) return {};
		const link = await client.links.get(shortCodeFrom('link', chosen));
		return { link_id: link.id, short_code: link.short_code };
	},
	// A click on another link is left out from the body alone, without reading anything.
	skipsEarly: (delivery, subscription) => !!subscription.link_id && typeof delivery.data.link_id === 'string' && delivery.data.link_id !== subscription.link_id,
	items: deliveredClick,
	list: recentClicks,
	sample: clickSample,
	outputFields: clickOutputFields,
});
