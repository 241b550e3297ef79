/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- dev-only tool, never shipped in the n8n package; this smoke test must spawn the CLI */
/** The CLI: starts, prints the listening line and keys, applies its flags, logs without keys, stops on SIGTERM. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseCliOptions } from '../../sandbox/cli-options';

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function run(args: string[]): Promise<{ code: number | null; out: string }> {
	return new Promise((resolve) => {
		const child = spawn(tsx, ['sandbox/cli.ts', ...args], { cwd: root });
		let out = '';
		child.stdout.on('data', (c: Buffer) => (out += c.toString()));
		child.stderr.on('data', (c: Buffer) => (out += c.toString()));
		child.on('exit', (code) => resolve({ code, out }));
	});
}

it('prints the listening line and the keys, serves with them, applies its flags, logs without keys, exits on SIGTERM', async () => {
	const args = ['--port', '0', '--links', '30', '--api-key', 'lk_test_cli_key', '--publishable-key', 'pk_test_cli_key', '--rate', '20/s', '--burst', '5'];
	args.push('--rate-limit-headers', 'full', '--plan', 'free', '--plan-links', '31', '--foreign-codes', 'taken-a,taken-b', '--hook-retry-scale', '0.01', '--clock-offset', '-3600', '--verbose');
	const child = spawn(tsx, ['sandbox/cli.ts', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	try {
		const url = await new Promise<string>((resolve, reject) => {
			const timer = setTimeout(() => reject(new Error(`no listening line in: ${output}`)), 30_000);
			child.stdout.on('data', () => {
				const match = /^Linkkit sandbox listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
				if (match && output.includes('curl')) {
					clearTimeout(timer);
					resolve(match[1]);
				}
			});
		});
		expect(output).toMatch(/API key.*lk_test_cli_key/);
		expect(output).toMatch(/Publishable key.*pk_test_cli_key/);
		expect(output).toMatch(/API key \(Acme Labs.*lk_test_\w+/);
		const headers = { authorization: 'Bearer lk_test_cli_key' };
		const reply = await fetch(`${url}/v1/links?limit=3`, { headers });
		expect(reply.status).toBe(200);
		expect(reply.headers.get('x-ratelimit-limit')).toBe('5');
		// --clock-offset -3600: the sandbox's clock runs an hour behind this machine's.
		expect(Date.now() - Date.parse(reply.headers.get('date')!)).toBeGreaterThan(3_590_000);
		expect(Date.now() - Date.parse(reply.headers.get('date')!)).toBeLessThan(3_610_000);
		expect(((await reply.json()) as { data: unknown[] }).data).toHaveLength(3);
		expect((await fetch(`${url}/v1/conversions`, { headers })).status).toBe(403);
		const put = (code: string) => fetch(`${url}/v1/links/${code}`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ original_url: 'https://example.com' }) });
		expect((await put('taken-a')).status).toBe(409);
		expect((await put('mine-one')).status).toBe(201);
		expect((await put('mine-two')).status).toBe(403);
		expect((await fetch(`${url}/feeds/links.csv?api_key=lk_test_cli_key`)).status).toBe(200);
		const state = (await (await fetch(`${url}/__sandbox/state`)).json()) as Record<string, unknown>;
		expect(state).toMatchObject({ links: 31, foreignCodes: ['taken-a', 'taken-b'], rateLimit: { rate: 20, burst: 5, headers: 'full' }, plan: { plan: 'free', planLinks: 31 } });
		await new Promise((resolve) => setTimeout(resolve, 100));
		// --verbose logs each request, with the api_key masked; the key appears only in the start-up lines.
		expect(output).toMatch(/GET \/v1\/links\?limit=3 → 200/);
		expect(output).toContain('GET /feeds/links.csv?api_key=*** → 200');
		const afterStartup = output.slice(output.indexOf('Try: curl') + 200);
		expect(afterStartup).not.toContain('lk_test_cli_key');
	} finally {
		child.kill('SIGTERM');
	}
	expect(await exited).toBe(0);
});

it('explains its flags with --help and refuses unknown or bad ones with exit code 2', async () => {
	const [help, badRate, unknown, badMode] = await Promise.all([
		run(['--help']),
		run(['--rate', 'fast']),
		run(['--read-only-key', 'x']),
		run(['--rate-limit-headers', 'some']),
	]);
	expect(help.code).toBe(0);
	for (const flag of ['--port', '--api-key', '--links', '--rate', '--burst', '--rate-limit-headers', '--faults', '--fault', '--latency', '--visibility-lag', '--clock-offset', '--data', '--seed', '--plan-links', '--plan', '--foreign-codes', '--hook-retry-scale', '--verbose', 'commit-drop', 'commit-500', 'stall', '/__sandbox/deliveries']) {
		expect(help.out).toContain(flag);
	}
	expect(help.out).not.toContain('read-only');
	expect([badRate.code, badRate.out]).toEqual([2, expect.stringContaining('Invalid --rate')]);
	expect(unknown.code).toBe(2);
	expect([badMode.code, badMode.out]).toEqual([2, expect.stringContaining('Invalid --rate-limit-headers')]);
});

it('reads every flag into the options', () => {
	const options = parseCliOptions(
		['--links', '7', '--seed', '3', '--faults', '0.1', '--fault', 'commit-drop=0.05', '--fault', 'stall=0.01', '--latency', '20', '--visibility-lag', '500', '--data', 'tmp/x.json', '--clock-offset', '-90', '--foreign-codes', '4'],
		() => 1_000_000,
	);
	if (options === 'help') throw new Error('unexpected help');
	expect(options).toMatchObject({ port: 4010, links: 7, seed: 3, faults: 0.1, faultMix: { commitDrop: 0.05, stall: 0.01 }, latencyMs: 20, visibilityLagMs: 500, dataFile: 'tmp/x.json', foreignCodes: 4 });
	expect(options.now?.()).toBe(1_000_000 - 90_000);
	expect(() => parseCliOptions(['--fault', 'explode=0.1'])).toThrow(/Invalid --fault/);
	expect(() => parseCliOptions(['--foreign-codes', 'a,b'])).toThrow(/Invalid --foreign-codes/);
});
