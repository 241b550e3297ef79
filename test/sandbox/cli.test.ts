/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- dev-only tool, never shipped in the n8n package; this smoke test must spawn the CLI */
/** The CLI: starts, prints the listening line and keys, serves requests with the printed key, stops on SIGTERM. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

it('prints the listening line, serves /v1 with its key, and exits cleanly on SIGTERM', async () => {
	const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['sandbox/cli.ts', '--port', '0', '--links', '30', '--api-key', 'lk_test_cli_key', '--rate', '20/s'], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	try {
		const url = await new Promise<string>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no listening line in: ${output}`)), 20_000);
			child.stdout.on('data', () => {
				const match = /^Linkkit sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
				if (match && output.includes('curl')) {
					clearTimeout(timer);
					resolve(match[1]);
				}
			});
		});
		expect(output).toContain('lk_test_cli_key');
		expect(output).toMatch(/Read-only key.*lk_test_ro_\w+/);
		const reply = await fetch(`${url}/v1/links?limit=3`, { headers: { authorization: 'Bearer lk_test_cli_key' } });
		expect(reply.status).toBe(200);
		expect(reply.headers.get('x-ratelimit-limit')).toBe('100');
		expect(((await reply.json()) as { data: unknown[] }).data).toHaveLength(3);
		const state = (await (await fetch(`${url}/__sandbox/state`)).json()) as { links: number; rateLimit: { rate: number } };
		expect(state).toMatchObject({ links: 30, rateLimit: { rate: 20 } });
	} finally {
		child.kill('SIGTERM');
	}
	expect(await exited).toBe(0);
});

it('explains its flags with --help and refuses unknown ones', async () => {
	const run = (args: string[]) =>
		new Promise<{ code: number | null; out: string }>((resolve) => {
			const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['sandbox/cli.ts', ...args], { cwd: root });
			let out = '';
			child.stdout.on('data', (c: Buffer) => (out += c.toString()));
			child.stderr.on('data', (c: Buffer) => (out += c.toString()));
			child.on('exit', (code) => resolve({ code, out }));
		});
	const [help, bad] = await Promise.all([run(['--help']), run(['--rate', 'fast'])]);
	expect(help.code).toBe(0);
	expect(help.out).toContain('--read-only-key');
	for (const kind of ['commit-drop', 'commit-500', 'stall', '--visibility-lag']) expect(help.out).toContain(kind);
	expect(bad.code).toBe(2);
	expect(bad.out).toContain('Invalid --rate');
});
