/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only test code, never shipped in the n8n package */
/**
 * The Linkkit Instant Trigger inside n8n's own engine (n8n-core 2.41.1), in-process, behind a real HTTP receiver on
 * 127.0.0.1 that Linkkit's sandbox delivers to. What n8n's server does around a webhook node is reproduced from
 * n8n 2.41.1's source (packages/cli webhooks/live-webhooks.ts, test-webhooks.ts, webhook-helpers.ts,
 * active-workflow-manager.ts), the node's own methods run in n8n-core's contexts:
 *
 * - activation: n8n-core's `HookContext` runs `checkExists`, then `create` when it says no (mode `trigger`); n8n then
 *   saves the workflow's static data; deactivation runs `delete` (mode `internal`) on the static data read back;
 * - a delivery to `/webhook/<webhookId>/webhook`: n8n reads the workflow, static data included, from its database
 *   for each request, keeps the body's raw bytes (`req.rawBody`) and its parse (`req.body`), runs `webhook()` in
 *   n8n-core's `WebhookContext`; no `workflowData` → no execution (the node's own answer, or `webhookResponse`);
 *   otherwise n8n starts the execution (here: n8n-core's `WorkflowExecute`, which runs the node's `execute`), then
 *   saves the static data whole — only when it changed, and not when starting failed — and only then answers 200.
 *   Starting the execution first wraps the same static-data object in another Workflow (WorkflowRunner's
 *   `establishContextForPersistence`), which resets n8n-workflow's change flag: what `webhook()` wrote is not saved
 *   when it starts an execution (seen in a real n8n 2.41.1 too, test/n8n-e2e/instant.test.ts);
 *   a `webhook()` that throws makes n8n record a failed execution and answer 500;
 * - "Listen for test event": `checkExists`/`create` at the test URL on empty static data (mode `manual`), kept with
 *   the registration; the first delivery that starts an execution ends the listening (`delete`).
 * Not reproduced: the database itself (a JSON copy stands in for the workflow's row), queues and other processes.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { HookContext, WebhookContext } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, INodeTypes, IWebhookData, IWorkflowExecuteAdditionalData, WorkflowExecuteMode } from 'n8n-workflow';
import { UnexpectedError, Workflow } from 'n8n-workflow';

import { LinkkitInstantTrigger } from '../../nodes/LinkkitInstantTrigger/LinkkitInstantTrigger.node';
import { additionalDataFor, CREDENTIAL_REF, executeNodeRun, type LinkkitCredential, type SentRequest } from '../support/n8n-engine';

export const INSTANT_TYPE = 'n8n-nodes-linkkit.linkkitInstantTrigger';
export const NODE_NAME = 'Linkkit Instant Trigger';

const nodeType = new LinkkitInstantTrigger();
const nodeTypes: INodeTypes = {
	getByName: (type) => known(type),
	getByNameAndVersion: (type) => known(type),
	getKnownTypes: () => ({}),
};
function known(type: string) {
	if (type !== INSTANT_TYPE) throw new UnexpectedError(`This harness knows only "${INSTANT_TYPE}", not "${type}"`);
	return nodeType;
}

export interface Execution {
	mode: 'webhook' | 'manual';
	/** What `webhook()` handed to the execution. */
	input: IDataObject[];
	/** The node's output (its `execute`), once the execution ended. */
	output?: IDataObject[];
	/** A failure: the execution's, or `webhook()` throwing (n8n then records a failed execution). */
	error?: unknown;
	done: Promise<void>;
}

export interface Answer {
	status: number;
	body: unknown;
	path: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T;

function withoutMarker(staticData: IDataObject): IDataObject {
	const saved = copy(staticData);
	delete saved.__dataChanged;
	return saved;
}

/** The bytes of a request body, as n8n's raw-body reader keeps them. */
function readBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/** The few express response methods n8n's webhook nodes use, on Node's own response. */
function expressLike(res: ServerResponse, sent: { body?: unknown }) {
	const response = res as ServerResponse & { status(code: number): typeof response; json(body: unknown): typeof response; send(body: unknown): typeof response };
	response.status = (code: number) => {
		res.statusCode = code;
		return response;
	};
	response.json = (body: unknown) => {
		sent.body = body;
		if (!res.headersSent) res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify(body));
		return response;
	};
	response.send = (body: unknown) => {
		sent.body = body;
		res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
		return response;
	};
	return response;
}

export interface InstantN8nOptions {
	credential: LinkkitCredential;
	parameters: INode['parameters'];
	/** Time between n8n reading the workflow for a delivery and saving its static data (starting the execution). */
	startDelayMs?: number;
	sent?: SentRequest[];
}

export class InstantN8n {
	/** The workflow's static data as n8n's database holds it. */
	database: IDataObject = {};
	readonly executions: Execution[] = [];
	readonly answers: Answer[] = [];
	/** Failures of n8n's own to start the next N executions (answered 500; nothing saved), e.g. its database down. */
	failNextStarts = 0;
	/** How many times n8n saved the static data after a delivery. */
	staticDataSaves = 0;
	readonly webhookId = 'f1e2d3c4-b5a6-4978-8877-665544332211';
	private server?: Server;
	private base = '';
	private testRegistration?: { staticData: IDataObject };
	parameters: INode['parameters'];

	constructor(private readonly options: InstantN8nOptions) {
		this.parameters = options.parameters;
	}

	get productionUrl(): string {
		return `${this.base}/webhook/${this.webhookId}/webhook`;
	}

	get testUrl(): string {
		return `${this.base}/webhook-test/${this.webhookId}/webhook`;
	}

	/** The node's slice of static data, as saved. */
	nodeState(database = this.database): IDataObject {
		return (database[`node:${NODE_NAME}`] as IDataObject | undefined) ?? {};
	}

	async start(): Promise<void> {
		this.server = createServer((req, res) => void this.receive(req, res));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		const address = this.server.address();
		this.base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	}

	async stop(): Promise<void> {
		await Promise.all(this.executions.map((execution) => execution.done));
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	node(): INode {
		return {
			id: 'instant-1',
			name: NODE_NAME,
			type: INSTANT_TYPE,
			typeVersion: 1,
			position: [0, 0],
			parameters: this.parameters,
			credentials: { linkkitApi: CREDENTIAL_REF },
			webhookId: this.webhookId,
		};
	}

	workflow(staticData: IDataObject): Workflow {
		return new Workflow({ id: 'instant-workflow', name: 'Instant harness', nodes: [this.node()], connections: {}, active: true, nodeTypes, staticData });
	}

	additionalData(mode: WorkflowExecuteMode): IWorkflowExecuteAdditionalData {
		return {
			...additionalDataFor({ credential: this.options.credential, mode, sent: this.options.sent, workflowId: 'instant-workflow' }),
			webhookBaseUrl: `${this.base}/webhook`,
			webhookTestBaseUrl: `${this.base}/webhook-test`,
		};
	}

	private webhookData(workflow: Workflow, additionalData: IWorkflowExecuteAdditionalData, isTest: boolean): IWebhookData {
		return {
			httpMethod: 'POST',
			node: NODE_NAME,
			path: `${this.webhookId}/webhook`,
			webhookDescription: nodeType.description.webhooks![0],
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: this.webhookId,
			isTest,
		};
	}

	private hookContext(workflow: Workflow, mode: WorkflowExecuteMode, activation: 'activate' | 'init' | 'update' | 'manual', isTest = false) {
		const additionalData = this.additionalData(mode);
		return new HookContext(workflow, workflow.getNode(NODE_NAME)!, additionalData, mode, activation, this.webhookData(workflow, additionalData, isTest));
	}

	/** n8n's activation (`activate`), or its start with the workflow already active (`init`): checkExists, then create. */
	async activate(activation: 'activate' | 'init' | 'update' = 'activate'): Promise<{ created: boolean }> {
		const workflow = this.workflow(copy(this.database));
		const context = this.hookContext(workflow, 'trigger', activation);
		const exists = await nodeType.webhookMethods.default.checkExists.call(context);
		if (!exists) await nodeType.webhookMethods.default.create.call(context);
		if (workflow.staticData.__dataChanged === true) this.database = withoutMarker(workflow.staticData);
		return { created: !exists };
	}

	/** n8n's deactivation: `delete` on the static data read back from the database, then saved. */
	async deactivate(): Promise<boolean> {
		const workflow = this.workflow(copy(this.database));
		const ended = await nodeType.webhookMethods.default.delete.call(this.hookContext(workflow, 'internal', 'update'));
		if (workflow.staticData.__dataChanged === true) this.database = withoutMarker(workflow.staticData);
		return ended;
	}

	/** "Listen for test event": subscribes at the test URL on fresh static data, kept with the registration. */
	async listen(): Promise<void> {
		const workflow = this.workflow({});
		const context = this.hookContext(workflow, 'manual', 'manual', true);
		if (!(await nodeType.webhookMethods.default.checkExists.call(context))) await nodeType.webhookMethods.default.create.call(context);
		this.testRegistration = { staticData: withoutMarker(workflow.staticData) };
	}

	get listening(): boolean {
		return this.testRegistration !== undefined;
	}

	/** Stops listening (n8n does it after the first execution, after 2 minutes, or when the person stops): `delete`. */
	async stopListening(): Promise<void> {
		const registration = this.testRegistration;
		this.testRegistration = undefined;
		if (!registration) return;
		const workflow = this.workflow(copy(registration.staticData));
		await nodeType.webhookMethods.default.delete.call(this.hookContext(workflow, 'internal', 'update', true));
	}

	async waitForExecutions(count: number, timeoutMs = 15_000): Promise<Execution[]> {
		const deadline = Date.now() + timeoutMs;
		while (this.executions.length < count && Date.now() < deadline) await sleep(20);
		await Promise.all(this.executions.map((execution) => execution.done));
		return this.executions;
	}

	private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const path = req.url ?? '';
		const sent: { body?: unknown } = {};
		const answer = expressLike(res, sent);
		const finished = new Promise<void>((resolve) => res.once('close', resolve));
		try {
			const raw = await readBody(req);
			const isTest = path.startsWith('/webhook-test/');
			if (path !== new URL(isTest ? this.testUrl : this.productionUrl).pathname || (isTest && !this.testRegistration)) {
				answer.status(404).json({ message: 'The requested webhook is not registered.' });
				return;
			}
			const request = req as IncomingMessage & { rawBody?: Buffer; body?: unknown; readRawBody(): Promise<void> };
			request.rawBody = raw;
			request.readRawBody = async () => {};
			request.body = {};
			if (raw.length && /^application\/json/.test(req.headers['content-type'] ?? '')) {
				try {
					request.body = JSON.parse(raw.toString('utf8'));
				} catch {
					answer.status(422).json({ message: 'Failed to parse request body' });
					return;
				}
			}
			const mode = isTest ? 'manual' : 'webhook';
			// n8n reads the workflow (static data included) for each delivery.
			const staticData = isTest ? copy(this.testRegistration!.staticData) : copy(this.database);
			const workflow = this.workflow(staticData);
			const additionalData = { ...this.additionalData(mode), httpRequest: request, httpResponse: answer } as IWorkflowExecuteAdditionalData;
			const context = new WebhookContext(workflow, workflow.getNode(NODE_NAME)!, additionalData, mode, this.webhookData(workflow, additionalData, isTest), [], null);
			let result;
			try {
				result = await nodeType.webhook.call(context);
			} catch (error) {
				// n8n answers 500 and records a failed execution.
				this.executions.push({ mode, input: [], error, done: Promise.resolve() });
				answer.status(500).json({ message: 'Workflow Webhook Error: Workflow could not be started!' });
				return;
			}
			const save = () => {
				if (isTest || workflow.staticData.__dataChanged !== true) return;
				this.database = withoutMarker(workflow.staticData);
				this.staticDataSaves++;
			};
			if (result.noWebhookResponse) {
				save();
				return;
			}
			if (result.workflowData === undefined) {
				save();
				answer.status(200).json(result.webhookResponse ?? { message: 'Webhook call received' });
				return;
			}
			// WorkflowRunner.run first wraps the same static-data object in the execution's Workflow
			// (establishContextForPersistence): n8n-workflow's ObservableObject resets its change flag.
			this.workflow(staticData);
			await sleep(this.options.startDelayMs ?? 0);
			if (this.failNextStarts > 0) {
				this.failNextStarts--;
				// The response callback gets the error: nothing is saved.
				answer.status(500).json({ message: 'Error in workflow' });
				return;
			}
			const items = result.workflowData[0] as INodeExecutionData[];
			const execution: Execution = { mode, input: items.map((item) => item.json), done: Promise.resolve() };
			execution.done = executeNodeRun(workflow, NODE_NAME, this.additionalData(mode), { input: items }).then(
				(run) => {
					execution.output = (run.main[0] ?? []).map((item) => item.json);
				},
				(error: unknown) => {
					execution.error = error;
				},
			);
			this.executions.push(execution);
			save();
			// responseMode onReceived, responseData noData: 200 without a body.
			answer.status(200).end();
			if (isTest) await this.stopListening();
		} catch (error) {
			if (!res.headersSent) answer.status(500).json({ message: String(error) });
		} finally {
			await finished;
			this.answers.push({ status: res.statusCode, body: sent.body, path });
		}
	}
}
