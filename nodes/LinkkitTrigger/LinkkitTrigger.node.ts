import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { pollEvent, sampleEvent, type PollingEvent } from '../../core';
import { listSearch } from '../Linkkit/methods';
import { linkkitClient } from '../Linkkit/transport';
import { toNodeError } from '../Linkkit/transport/errors';
import { triggerProperties } from './description';
import { readEventOptions } from './parameters';

/**
 * When to stop reading pages: n8n abandons a poll that runs past its budget (5 minutes in n8n 2.x), so a burst stops a
 * minute before and keeps what it handed on. Older n8n versions give no budget.
 */
function deadlineOf(context: IPollFunctions, now: number): number | undefined {
	const budget = typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : undefined;
	return budget === undefined ? undefined : now + Math.max(budget / 2, budget - 60_000);
}

/** Where the trigger keeps its state in the workflow's static data (one slot: another event or filter starts over). */
const STATE = 'linkkit';

const NOTHING_YET: Record<PollingEvent, string> = {
	newLink: 'There are no links here yet. Create one in Linkkit, then fetch the test event again.',
	updatedLink: 'No link has been changed yet. Edit a link in Linkkit, then fetch the test event again.',
	newClick: 'This link has no clicks in the last 30 days. Open the short link, then fetch the test event again.',
	newConversion: 'No conversion of this type has been recorded yet. Record one, then fetch the test event again.',
	newSegment: 'There are no segments yet. Create one in Linkkit, then fetch the test event again.',
	clickMilestone: 'The watched segment has no links yet. Add one, then fetch the test event again.',
};

export class LinkkitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Linkkit Trigger',
		name: 'linkkitTrigger',
		icon: { light: 'file:../Linkkit/linkkit.svg', dark: 'file:../Linkkit/linkkit.dark.svg' },
		group: ['trigger'],
		version: 1,
		// The event's name as the Event field shows it, not its internal value; "polling" says which Linkkit trigger it is.
		subtitle:
			'={{ "polling: " + { clickMilestone: "Click Milestone", newClick: "New Click", newConversion: "New Conversion", newLink: "New Link", newSegment: "New Segment", updatedLink: "Updated Link" }[$parameter["event"]] }}',
		// n8n's node panel shows this under "Linkkit" (it merges this trigger into the action node's entry, and drops
		// "Trigger" from names): it has to say when to take the instant trigger instead, listed beside it as "Linkkit Instant".
		description:
			'Checks Linkkit on a schedule (polling) for new links, clicks, conversions or segments; works wherever n8n runs, even behind a firewall. For links created, changed, deleted or clicked within seconds, use "Linkkit Instant".',
		defaults: { name: 'Linkkit Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'linkkitApi', required: true }],
		properties: triggerProperties,
	};

	// The link and segment pickers search with the action node's methods.
	methods = { listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as PollingEvent;
		const staticData = this.getWorkflowStaticData('node');
		let items: IDataObject[];
		try {
			const options = readEventOptions(this, event);
			const client = await linkkitClient(this);
			if (this.getMode() === 'manual') {
				// "Fetch Test Event": the newest real item; the trigger's saved place stays as it was.
				const sample = await sampleEvent(client, event, options);
				items = sample ? [sample as IDataObject] : [];
			} else {
				const result = await pollEvent(client, event, options, staticData[STATE], { deadline: deadlineOf(this, client.http.localNow()) });
				staticData[STATE] = result.state as unknown as IDataObject;
				items = result.items as IDataObject[];
			}
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
		if (this.getMode() === 'manual' && items.length === 0) throw new NodeOperationError(this.getNode(), NOTHING_YET[event]);
		return items.length ? [this.helpers.returnJsonArray(items)] : null;
	}
}
