/**
 * The few n8n REST calls the suite and the playground need, as a signed-in owner: owner setup, login and the
 * credential test that the credential dialog's "Test" button runs. n8n ties its session cookie to a `browser-id`
 * header, so every call sends the same one.
 */

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

	async credentialTypeNames(): Promise<string[]> {
		const answer = await fetch(`${this.url}/types/credentials.json`, { headers: { cookie: this.cookie, 'browser-id': this.browserId } });
		const types = (await answer.json()) as Array<{ name: string }>;
		return types.map((type) => type.name);
	}
}
