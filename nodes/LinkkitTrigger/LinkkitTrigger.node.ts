import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { listSearch } from '../Linkkit/methods';
import { linkkitClient } from '../Linkkit/transport';
import { toNodeError } from '../Linkkit/transport/errors';
import { triggerProperties } from './description';
import { feedFor, type FeedEvent } from './feeds';
import { milestoneSample, pollMilestone, type MilestoneState } from './milestone';
import { newestItem, pollFeed, type TriggerFeedState } from './poll-feed';
import { readFeedFilters, readMilestoneWatch } from './parameters';

type TriggerEvent = FeedEvent | 'linkClickMilestone';

/** Where the trigger keeps its state in the workflow's static data (one slot: a new event or filter starts over). */
const STATE = 'linkkit';

const NOTHING_YET: Record<TriggerEvent, string> = {
	newLink: 'There are no links in this Linkkit account yet. Create one in Linkkit, then fetch the test event again.',
	updatedLink: 'No link has been changed yet. Edit a link in Linkkit, then fetch the test event again.',
	newCampaign: 'There are no campaigns in this Linkkit account yet. Create one, then fetch the test event again.',
	newSegment: 'There are no segments in this Linkkit account yet. Create one, then fetch the test event again.',
	newClick: 'No clicks in the last 30 days match. Open one of your short links, then fetch the test event again.',
	linkClickMilestone: 'The watched campaign has no links yet. Add one, then fetch the test event again.',
};

export class LinkkitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Linkkit Trigger',
		name: 'linkkitTrigger',
		icon: { light: 'file:../Linkkit/linkkit.svg', dark: 'file:../Linkkit/linkkit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when links, campaigns, segments or clicks appear in Linkkit',
		defaults: { name: 'Linkkit Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'linkkitApi', required: true }],
		properties: triggerProperties,
	};

	// The link and campaign pickers search with the action node's methods.
	methods = { listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as TriggerEvent;
		const manual = this.getMode() === 'manual';
		const staticData = this.getWorkflowStaticData('node');
		let items: IDataObject[];
		try {
			const client = await linkkitClient(this);
			if (event === 'linkClickMilestone') {
				const watch = await readMilestoneWatch(this, client);
				if (manual) {
					items = compact([await milestoneSample(client, watch)]);
				} else {
					const result = await pollMilestone(client, watch, staticData[STATE] as MilestoneState | undefined);
					staticData[STATE] = result.state as unknown as IDataObject;
					items = result.items;
				}
			} else {
				const filters = await readFeedFilters(this, event, client);
				const feed = feedFor(event, client, filters, Date.now());
				if (manual) {
					items = compact([await newestItem(feed)]) as IDataObject[];
				} else {
					const key = JSON.stringify([event, filters]);
					const result = await pollFeed(feed, client, key, staticData[STATE] as TriggerFeedState | undefined, Date.now);
					staticData[STATE] = result.state as unknown as IDataObject;
					items = result.items as IDataObject[];
				}
			}
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
		if (manual && items.length === 0) throw new NodeOperationError(this.getNode(), NOTHING_YET[event]);
		return items.length ? [this.helpers.returnJsonArray(items)] : null;
	}
}

function compact<T>(values: Array<T | undefined>): T[] {
	return values.filter((value): value is T => value !== undefined);
}
