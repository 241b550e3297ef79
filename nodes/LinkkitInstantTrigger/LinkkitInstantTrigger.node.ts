import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { deliveryItem, LinkkitError, parseDelivery, SIGNATURE_HEADER, validateUuid, type WebhookEvent, shortCodeFrom, isBlank } from '../../core';
import { readLocator } from '../Linkkit/actions/common/locators';
import { listSearch } from '../Linkkit/methods';
import { linkkitClient } from '../Linkkit/transport';
import { toNodeError } from '../Linkkit/transport/errors';
import { admit, deliveryJson, signedBy, wanted, type DeliveryFilters } from './deliveries';
import { instantTriggerProperties } from './description';
import { chosenEvents, endSubscriptions, replaceSubscriptions, subscriptionsMatch, subscriptionsOf, type TriggerState } from './subscriptions';

type Context = IHookFunctions | IWebhookFunctions | IExecuteFunctions;

function stateOf(context: IHookFunctions | IWebhookFunctions): TriggerState {
	return context.getWorkflowStaticData('node') as TriggerState;
}

function eventsOf(context: Context): WebhookEvent[] {
	return chosenEvents(context.getNodeParameter('events', []));
}

/** The filters, checked (a typo in a short code or segment ID fails the activation, not every delivery). */
function filtersOf(context: Context, events: WebhookEvent[]): DeliveryFilters {
	const filters: DeliveryFilters = {};
	if (events.some((event) => event !== 'link.clicked')) {
		const segment = readLocator(context.getNodeParameter('segment', '')).value;
		if (!isBlank(segment)) filters.segmentId = validateUuid('segmentId', segment, 'segment');
	}
	if (events.includes('link.clicked')) {
		const link = readLocator(context.getNodeParameter('link', '')).value;
		if (!isBlank(link)) filters.shortCode = shortCodeFrom('link', link);
	}
	return filters;
}

/** A rate-limit wait is worded for this node (the shared wording names the action node's options or the next poll). */
function nodeError(node: INode, error: unknown) {
	if (error instanceof LinkkitError && error.rateLimitWait) {
		const message = `Linkkit's rate limit for this API key was reached and it asked to wait ${Math.ceil(error.rateLimitWait.waitMs / 1000)} s. Try again later (Executions → Retry for a run).`;
		return new NodeApiError(node, { message, code: error.code, httpCode: error.status === undefined ? null : String(error.status) }, { message });
	}
	return toNodeError(node, error);
}

/** Answers a delivery that starts nothing: `status` and a short JSON body (never anything about secrets). */
function answerOnly(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ error: message });
	return { noWebhookResponse: true };
}

export class LinkkitInstantTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Linkkit Instant Trigger',
		name: 'linkkitInstantTrigger',
		icon: { light: 'file:../Linkkit/linkkit.svg', dark: 'file:../Linkkit/linkkit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"instant: " + [].concat($parameter["events"] || []).join(", ")}}',
		description:
			// The node panel lists the polling trigger under "Linkkit" (n8n merges it into the action node's entry).
			'Starts the workflow the moment a link is created, changed, deleted or clicked (Linkkit webhooks). Linkkit must reach your n8n; otherwise use the polling trigger under "Linkkit".',
		defaults: { name: 'Linkkit Instant Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'linkkitApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Answered as soon as the execution is queued (200, no body); the item is built inside the execution (`execute`).
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'webhook',
			},
		],
		properties: instantTriggerProperties,
	};

	// The link and segment filters search with the action node's methods.
	methods = { listSearch };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const events = eventsOf(this);
				try {
					filtersOf(this, events);
				} catch (error) {
					throw toNodeError(this.getNode(), error);
				}
				return subscriptionsMatch(stateOf(this), String(this.getNodeWebhookUrl('default')), events);
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const events = eventsOf(this);
				if (events.length === 0) throw new NodeOperationError(this.getNode(), 'Choose at least one event.');
				const url = this.getNodeWebhookUrl('default');
				if (!url) throw new NodeOperationError(this.getNode(), 'n8n gave this node no webhook URL.');
				try {
					filtersOf(this, events);
					const client = await linkkitClient(this);
					const result = await replaceSubscriptions({ subscribe: client.hooks.subscribe, unsubscribe: client.hooks.unsubscribe }, stateOf(this), url, events);
					if (result.error !== undefined) throw result.error;
				} catch (error) {
					throw nodeError(this.getNode(), error);
				}
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const state = stateOf(this);
				if (subscriptionsOf(state).length === 0) return true;
				let failure: unknown;
				try {
					const client = await linkkitClient(this);
					const result = await endSubscriptions({ subscribe: client.hooks.subscribe, unsubscribe: client.hooks.unsubscribe }, state);
					failure = result.error;
				} catch (error) {
					// No client (e.g. the credential is gone): nothing was ended.
					failure = error;
				}
				if (failure === undefined) return true;
				// What could not be ended stays recorded; the next activation ends it first.
				this.logger.warn(`Linkkit Instant Trigger: ${subscriptionsOf(state).length} webhook subscription(s) could not be ended: ${nodeError(this.getNode(), failure).message}`);
				return false;
			},
		},
	};

	/**
	 * Runs in the n8n process that received the delivery, before any execution: checks it and answers refusals itself,
	 * so a forged, repeated or unwanted delivery starts nothing. Never throws for what a delivery holds (n8n records a
	 * failed execution for a webhook that throws); only a filter the activation would already have refused can.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const request = this.getRequestObject();
		// n8n keeps the bytes it parsed the JSON from; a body it did not parse is read here.
		if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
		const rawBody: Buffer | undefined = request.rawBody;
		const state = stateOf(this);
		const subscription = signedBy(subscriptionsOf(state), rawBody, this.getHeaderData()[SIGNATURE_HEADER]);
		if (!subscription || !rawBody) return answerOnly(this, 401, 'The signature does not match.');

		let body: unknown;
		try {
			body = JSON.parse(rawBody.toString('utf8'));
		} catch {
			return answerOnly(this, 400, 'The body is not JSON.');
		}
		const delivery = parseDelivery(body, subscription.event);
		if (!delivery) return answerOnly(this, 400, 'The body is not a Linkkit event.');
		// Each subscription is for one event: a body naming another event was not signed by its subscription.
		if (delivery.event !== subscription.event) return answerOnly(this, 401, 'The signature does not match.');
		const events = eventsOf(this);
		if (!wanted(delivery, events, filtersOf(this, events))) return { webhookResponse: { received: true, started: false } };

		const verdict = admit(subscription, delivery, this.getResponseObject());
		if (verdict.kind === 'repeat') return { webhookResponse: { received: true, started: false, repeat: true } };
		if (verdict.kind === 'in progress') return answerOnly(this, 409, 'This event is being handled; try again later.');
		return { workflowData: [[{ json: deliveryJson(delivery) }]] };
	}

	/** Runs inside the execution (a worker in queue mode): the delivery becomes the polling trigger's item. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const input = this.getInputData();
		const includeDetails = this.getNodeParameter('options.includeEventDetails', 0, false) as boolean;
		const client = await linkkitClient(this);
		const output: INodeExecutionData[] = [];
		for (let index = 0; index < input.length; index++) {
			const delivery = parseDelivery(input[index].json);
			if (!delivery) {
				output.push({ json: input[index].json, pairedItem: { item: index } });
				continue;
			}
			let item: IDataObject;
			try {
				item = (await deliveryItem(delivery, client)) as IDataObject;
			} catch (error) {
				throw nodeError(this.getNode(), error);
			}
			const details = includeDetails ? { event: delivery.event, event_id: delivery.id, event_created_at: delivery.created_at ?? null } : {};
			output.push({ json: { ...item, ...details }, pairedItem: { item: index } });
		}
		return [output];
	}
}
