/**
 * What the trigger suites do to Linkkit's data, straight over the sandbox's HTTP API (as a person or another system
 * would, not through the connectors' core): create, bulk-import, change and delete links, create segments, record
 * leads and sales, and open short links (a click).
 */

import type { RunningSandbox } from '../support/sandbox';

export type Json = Record<string, unknown>;

export class SandboxApi {
	constructor(private readonly sandbox: RunningSandbox) {}

	private async call(method: string, path: string, body?: unknown, auth = true): Promise<Json> {
		const answer = await fetch(`${this.sandbox.url}${path}`, {
			method,
			headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${this.sandbox.apiKey}` } : {}) },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await answer.text();
		if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${text}`);
		return text ? (JSON.parse(text) as Json) : {};
	}

	createLink(original_url: string, fields: Json = {}): Promise<Json> {
		return this.call('POST', '/v1/links', { original_url, ...fields });
	}

	/** One bulk request: Linkkit creates its links together, at one instant. */
	bulk(urls: string[]): Promise<Json> {
		return this.call('POST', '/v1/links/bulk', { links: urls.map((original_url) => ({ original_url })) });
	}

	updateLink(code: string, fields: Json): Promise<Json> {
		return this.call('PATCH', `/v1/links/${code}`, fields);
	}

	deleteLink(code: string): Promise<Json> {
		return this.call('DELETE', `/v1/links/${code}`);
	}

	async links(query = ''): Promise<Json[]> {
		return (await this.call('GET', `/v1/links?limit=100${query}`)).data as Json[];
	}

	createSegment(name: string): Promise<Json> {
		return this.call('POST', '/v1/lists', { name });
	}

	track(type: 'lead' | 'sale', customer: string, fields: Json = {}): Promise<Json> {
		return this.call('POST', `/track/${type}`, { publishable_key: this.sandbox.publishableKey, customer_external_id: customer, ...(type === 'sale' ? { amount: 4999 } : {}), ...fields }, false);
	}

	/** Opens the short link as a browser would: one click. */
	async visit(code: string): Promise<void> {
		const answer = await fetch(`${this.sandbox.url}/r/${code}`, { redirect: 'manual', headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)' } });
		if (answer.status !== 302) throw new Error(`visit /r/${code} answered ${answer.status}`);
	}
}
