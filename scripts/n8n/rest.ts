/* eslint-disable @n8n/community-nodes/no-restricted-imports -- dev-only tool, never shipped in the n8n package */
/**
 * The few n8n REST calls the suites and the playground need, as a signed-in owner: owner setup, login, the
 * credential test that the credential dialog's "Test" button runs, and an execution's stored run data. n8n ties its
 * session cookie to a `browser-id` header, so every call sends the same one.
 */
import { createRequire } from 'node:module';
import { n8nBin } from './provision';

export interface StoredExecution {
	id: string;
	status: string;
	mode: string;
	startedAt: string | null;
	/** The run data as n8n saved it (`resultData.runData`, `executionData` with its context), parsed from `flatted`. */
	data: Record<string, unknown>;
}

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export const DEMO_OWNER: Owner = { email: 'owner@linkkit.local', password: 'Linkkit-demo-1', firstName: 'Linkkit', lastName: 'Demo' };

export class N8nRest {
	private cookie = '';
	private readonly browserId = 'linkkit-local-browser';

	constructor(readonly url: string) {}

	async call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
		const answer = await fetch(`${this.url}${path}`, {
			method,
			headers: { 'content-type': 'application/json', 'browser-id': this.browserId, ...(this.cookie ? { cookie: this.cookie } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = answer.headers.get('set-cookie');
		if (setCookie) this.cookie = setCookie.split(';')[0];
		const text = await answer.text();
		let parsed: unknown = text;
		try {
			parsed = JSON.parse(text);
		} catch {
			// Not JSON: keep the text.
		}
		const data = (parsed as { data?: unknown })?.data ?? parsed;
		return { status: answer.status, body: data as T };
	}

	/** Creates the instance owner (first start) and keeps the session. */
	async setupOwner(owner: Owner = DEMO_OWNER): Promise<void> {
		const answer = await this.call('POST', '/rest/owner/setup', owner);
		if (answer.status !== 200) throw new Error(`n8n owner setup failed (${answer.status}): ${JSON.stringify(answer.body)}`);
	}

	async login(owner: Owner = DEMO_OWNER): Promise<void> {
		const answer = await this.call('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
		if (answer.status !== 200) throw new Error(`n8n login failed (${answer.status})`);
	}

	/** What the credential dialog's "Test" shows: `{ status: 'OK' | 'Error', message }`. */
	async testCredential(type: string, data: Record<string, string>): Promise<{ status: string; message: string }> {
		const answer = await this.call<{ status: string; message: string }>('POST', '/rest/credentials/test', {
			credentials: { id: '', name: 'Linkkit test', type, data },
		});
		if (answer.status !== 200) throw new Error(`credential test request failed (${answer.status}): ${JSON.stringify(answer.body)}`);
		return answer.body;
	}

	/** The node types the instance loaded (what the editor's node panel lists). */
	async nodeTypeNames(): Promise<string[]> {
		const answer = await fetch(`${this.url}/types/nodes.json`, { headers: { cookie: this.cookie, 'browser-id': this.browserId } });
		const types = (await answer.json()) as Array<{ name: string }>;
		return types.map((type) => type.name);
	}

	/**
	 * The newest execution of `workflowId` that started at or after `sinceMs`, with its run data as n8n stored it.
	 * `n8n execute --rawOutput` prints the same data, but through its logger right before the process exits, so a
	 * large result (a few thousand items, about 1 MB) can be cut short on its way out; n8n's own record is complete.
	 */
	async executionSince(workflowId: string, sinceMs: number): Promise<StoredExecution> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const list = await this.call<{ results: Array<Omit<StoredExecution, 'data'>> }>('GET', `/rest/executions?filter=${filter}&limit=20`);
		if (list.status !== 200) throw new Error(`listing executions failed (${list.status}): ${JSON.stringify(list.body)}`);
		// Same machine, same clock; n8n stores whole milliseconds.
		const candidates = list.body.results
			.filter((execution) => execution.startedAt !== null && Date.parse(execution.startedAt) >= sinceMs - 1000)
			.sort((a, b) => Number(b.id) - Number(a.id));
		if (!candidates.length) throw new Error(`No execution of ${workflowId} started since ${new Date(sinceMs).toISOString()}`);
		const answer = await this.call<{ data: string; status: string; mode: string; startedAt: string | null }>('GET', `/rest/executions/${candidates[0].id}`);
		if (answer.status !== 200) throw new Error(`reading execution ${candidates[0].id} failed (${answer.status})`);
		const flatted = createRequire(n8nBin())('flatted') as { parse: (text: string) => Record<string, unknown> };
		return { id: candidates[0].id, status: answer.body.status, mode: answer.body.mode, startedAt: answer.body.startedAt, data: flatted.parse(answer.body.data) };
	}

	async credentialTypeNames(): Promise<string[]> {
		const answer = await fetch(`${this.url}/types/credentials.json`, { headers: { cookie: this.cookie, 'browser-id': this.browserId } });
		const types = (await answer.json()) as Array<{ name: string }>;
		return types.map((type) => type.name);
	}
}
