/**
 * One Linkkit Trigger as an active workflow holds it: its parameters, its static data between checks (written to JSON
 * and read back after every check, as n8n keeps it in its database, so each check starts from what a restarted n8n
 * would load), everything it handed on, and the requests each check sent. Checks run through n8n's engine
 * (poll-harness.ts).
 */

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { SentRequest } from '../support/n8n-engine';
import { poll } from './poll-harness';

export interface Target {
	baseUrl: string;
	apiKey: string;
}

export class TriggerDriver {
	staticData: IDataObject = {};
	readonly emitted: IDataObject[] = [];
	readonly requestsPerCheck: number[] = [];
	/** The checks that handed items on (n8n would have started an execution for each). */
	executions = 0;

	constructor(
		private readonly target: Target,
		public parameters: INodeParameters,
	) {}

	/** A scheduled check (an active workflow's poll); returns what it handed on. */
	async check(): Promise<IDataObject[]> {
		const sent: SentRequest[] = [];
		const items = await poll({ ...this.target, mode: 'trigger', parameters: this.parameters, staticData: this.staticData, sent });
		this.staticData = JSON.parse(JSON.stringify(this.staticData)) as IDataObject;
		this.requestsPerCheck.push(sent.length);
		if (items) {
			this.executions++;
			this.emitted.push(...items);
		}
		return items ?? [];
	}

	/** "Fetch Test Event" in the editor. */
	async fetchTestEvent(): Promise<IDataObject[] | null> {
		return await poll({ ...this.target, mode: 'manual', parameters: this.parameters, staticData: this.staticData });
	}

	/** Bytes of static data the workflow keeps for this trigger. */
	stateBytes(): number {
		return JSON.stringify(this.staticData).length;
	}

	ids(field = 'id'): string[] {
		return this.emitted.map((item) => String(item[field]));
	}
}
