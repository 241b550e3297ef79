/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only test code, never shipped in the n8n package */
/**
 * The instant trigger in a real n8n: its workflow JSON, and what the suites read back from n8n (executions over REST,
 * the node's static data from n8n's database) and send to it (deliveries signed as Linkkit signs them).
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { n8nBin } from '../../scripts/n8n/provision';
import type { N8nRest } from '../../scripts/n8n/rest';
import { SIGNATURE_HEADER, signatureOf } from '../../sandbox';
import { CREDENTIAL, workflow } from './workflows';

export const INSTANT_NODE = 'Linkkit Instant Trigger';
export const INSTANT_TYPE = 'n8n-nodes-linkkit.linkkitInstantTrigger';
export const ALL_EVENTS = ['link.created', 'link.updated', 'link.deleted', 'link.clicked'];

/** The fixed webhook id of a workflow's trigger (the editor gives each webhook node one). */
export const webhookIdOf = (workflowId: string) => `7a6b5c4d-0000-4000-8000-${Buffer.from(workflowId).toString('hex').padEnd(12, '0').slice(0, 12)}`;

/** Linkkit Instant Trigger (`events`) → POST `{ execution, item }` to the collector, per item. */
export function instantToCollector(id: string, parameters: Record<string, unknown>, collectorUrl: string): Record<string, unknown> {
	return workflow(id, `Linkkit instant e2e ${id}`, [
		{
			id: `${id}-trigger`,
			name: INSTANT_NODE,
			type: INSTANT_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId: webhookIdOf(id),
			parameters,
			credentials: { linkkitApi: CREDENTIAL },
		},
		{
			id: `${id}-collect`,
			name: 'Send to collector',
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [240, 0],
			parameters: {
				method: 'POST',
				url: `${collectorUrl}/${id}`,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ execution: $execution.id, item: $json }) }}',
				options: {},
			},
		},
	]);
}

/** The trigger's production URL at an n8n whose webhook base is `base` (WEBHOOK_URL, or the instance's own URL). */
export const productionUrl = (base: string, workflowId: string) => `${base.replace(/\/$/, '')}/webhook/${webhookIdOf(workflowId)}/webhook`;
export const testUrl = (base: string, workflowId: string) => `${base.replace(/\/$/, '')}/webhook-test/${webhookIdOf(workflowId)}/webhook`;

export interface Execution {
	id: string;
	status: string;
	mode: string;
	startedAt: string | null;
	createdAt: string;
}

export async function executionsOf(rest: N8nRest, workflowId: string): Promise<Execution[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const answer = await rest.call<{ results: Execution[] }>('GET', `/rest/executions?filter=${filter}&limit=100`);
	if (answer.status !== 200) throw new Error(`GET /rest/executions answered ${answer.status}`);
	return [...answer.body.results].sort((a, b) => Number(a.id) - Number(b.id));
}

/** Waits until the workflow has `count` executions that ended, or the time is up; returns them all. */
export async function waitForExecutions(rest: N8nRest, workflowId: string, count: number, timeoutMs = 60_000): Promise<Execution[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const executions = await executionsOf(rest, workflowId);
		const ended = executions.filter((execution) => !['new', 'running', 'waiting'].includes(execution.status));
		if (ended.length >= count || Date.now() > deadline) return executions;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/** An execution's stored data (n8n keeps it in its `flatted` format), as JSON text. */
export async function executionDataText(rest: N8nRest, id: string): Promise<string> {
	const answer = await rest.call<{ data: string }>('GET', `/rest/executions/${id}`);
	const flatted = createRequire(n8nBin())('flatted') as { parse: (text: string) => unknown };
	return JSON.stringify(flatted.parse(answer.body.data));
}

export interface Subscription {
	id: string;
	event: string;
	url: string;
	secret: string;
}

export interface InstantState {
	subscriptions?: Subscription[];
}

/** The node's static data from a single n8n's SQLite database (n8n's own sqlite3 module, read-only). */
export async function sqliteStaticData(userFolder: string, workflowId: string): Promise<InstantState> {
	const sqlite3 = createRequire(n8nBin())('sqlite3') as {
		Database: new (file: string, mode: number, callback: (error: Error | null) => void) => {
			get(sql: string, params: unknown[], callback: (error: Error | null, row?: { staticData: string | null }) => void): void;
			close(callback: () => void): void;
		};
		OPEN_READONLY: number;
	};
	const row = await new Promise<{ staticData: string | null } | undefined>((resolve, reject) => {
		const db = new sqlite3.Database(join(userFolder, '.n8n/database.sqlite'), sqlite3.OPEN_READONLY, (error) => error && reject(error));
		db.get('SELECT staticData FROM workflow_entity WHERE id = ?', [workflowId], (error, found) => db.close(() => (error ? reject(error) : resolve(found))));
	});
	return nodeStateOf(row?.staticData ?? null);
}

export function nodeStateOf(staticData: string | null): InstantState {
	const parsed = staticData ? (JSON.parse(staticData) as Record<string, InstantState>) : {};
	return parsed[`node:${INSTANT_NODE}`] ?? {};
}

/** POSTs `body` with a signature header (none when undefined), as a sender would. */
export async function postDelivery(url: string, body: string, signature?: string): Promise<{ status: number; text: string }> {
	const answer = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...(signature === undefined ? {} : { [SIGNATURE_HEADER]: signature }) },
		body,
	});
	return { status: answer.status, text: await answer.text() };
}

export const sign = signatureOf;

/** Polls `check` until it holds or `timeoutMs` has passed (n8n 2.x publishes and unpublishes through an outbox). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
}
