/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- dev-only tool, never shipped in the n8n package */
/**
 * `npm run dev`: the Linkkit sandbox plus a real n8n with this package installed from its packed tarball, an owner
 * account, a "Linkkit sandbox" credential (the sandbox's API key, its publishable key for Track Lead / Track Sale, and
 * its address as Base URL), and the example workflows imported. Ctrl-C stops both.
 * Everything listens on 127.0.0.1; n8n's data lives in tmp/playground (fresh each start).
 * `--check` starts everything, verifies the examples were imported and the credential passes n8n's test, then stops
 * (what a CI smoke test or a quick look needs).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../../sandbox';
import { packPackage, repoRoot, startN8n } from './instance';
import { provisionN8n } from './provision';
import { DEMO_OWNER, N8nRest } from './rest';

const CREDENTIAL = { id: 'linkkitSandboxCred', name: 'Linkkit sandbox' };

interface Example {
	id: string;
	name: string;
	nodes: Array<{ type: string; credentials?: Record<string, { id: string; name: string }> }>;
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: '4010' },
			'n8n-port': { type: 'string', default: '5678' },
			links: { type: 'string', default: '500' },
			check: { type: 'boolean', default: false },
		},
	});
	console.log('▶ Starting the Linkkit sandbox');
	const sandbox = await startSandbox({ port: Number(values.port), links: Number(values.links) });
	let stopN8n: () => Promise<void> = async () => {};
	let stopping = false;
	const shutdown = async () => {
		// Ctrl-C reaches us twice (from the terminal and from dev.mjs): stop once.
		if (stopping) return;
		stopping = true;
		console.log('\n▶ Stopping n8n and the sandbox');
		await stopN8n();
		await sandbox.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void shutdown());
	process.on('SIGTERM', () => void shutdown());

	await provisionN8n();
	console.log('▶ Building and packing n8n-nodes-linkkit');
	const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
	if (build.status !== 0) throw new Error('npm run build failed');
	const tarball = packPackage(join(repoRoot, 'tmp/playground/pack'));
	const examples = readdirSync(join(repoRoot, 'examples'))
		.filter((file) => file.endsWith('.json'))
		.map((file) => JSON.parse(readFileSync(join(repoRoot, 'examples', file), 'utf8')) as Example);
	// The examples name the credential the playground creates; one naming another would open without it.
	for (const example of examples) {
		for (const node of example.nodes) {
			const credential = node.credentials?.linkkitApi;
			if (credential && credential.id !== CREDENTIAL.id) throw new Error(`${example.name}: its Linkkit credential is "${credential.id}", not "${CREDENTIAL.id}"`);
		}
	}

	console.log('▶ Starting n8n (about 20 s)');
	const n8n = await startN8n({
		userFolder: join(repoRoot, 'tmp/playground/n8n'),
		logDir: join(repoRoot, 'tmp/playground/logs'),
		port: Number(values['n8n-port']),
		tarball,
		async beforeStart(cli) {
			await cli.importCredentials([
				{ ...CREDENTIAL, type: 'linkkitApi', data: { apiKey: sandbox.apiKey, publishableKey: sandbox.publishableKey, baseUrl: sandbox.url } },
			]);
			await cli.importWorkflows(examples);
		},
	});
	stopN8n = n8n.stop;
	const rest = new N8nRest(n8n.url);
	await rest.setupOwner(DEMO_OWNER);
	const imported = await rest.call<Array<{ id: string; name: string }>>('GET', '/rest/workflows');
	const names = new Set((imported.body ?? []).map((workflow) => workflow.id));
	const missing = examples.filter((example) => !names.has(example.id)).map((example) => example.name);
	if (missing.length) throw new Error(`Examples not imported: ${missing.join(', ')}`);
	const credentialTest = await rest.testCredential('linkkitApi', { apiKey: sandbox.apiKey, publishableKey: sandbox.publishableKey, baseUrl: sandbox.url });
	if (credentialTest.status !== 'OK') throw new Error(`The Linkkit credential fails n8n's test: ${credentialTest.message}`);

	console.log(`
✔ Playground ready (Ctrl-C stops everything)

  n8n            ${n8n.url}
    log in as    ${DEMO_OWNER.email} / ${DEMO_OWNER.password}
    credential   "${CREDENTIAL.name}" (Linkkit API → the sandbox: API key, publishable key, Base URL; its test passes)
    examples     ${examples.map((example) => example.name).join(', ')}
    log          ${n8n.logFile}
  sandbox        ${sandbox.url}
    demo key     ${sandbox.apiKey}
    publishable  ${sandbox.publishableKey}
`);
	if (values.check) await shutdown();
}

main().catch((error: Error) => {
	console.error(`✖ ${error.message}`);
	process.exit(1);
});
