/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions, no-console -- dev-only test code, never shipped in the n8n package */
/**
 * The package installed the way n8n's users install it: Settings → Community nodes → Install in n8n 2.41.1's editor
 * (Debian's Chromium), n8n fetching it from an npm registry. The registry is a local Verdaccio (127.0.0.1, no uplinks)
 * with the packed tarball published at the current version; n8n is pointed at it with N8N_COMMUNITY_PACKAGES_REGISTRY.
 * n8n allows a registry other than npmjs.org only with the licence feature feat:communityNodes:customRegistry, which
 * its own end-to-end test mode switches on (E2E_TESTS=true, then PATCH /rest/e2e/feature). Then: the nodes load and
 * the Linkkit node runs against the sandbox; a newer version is published and installed with the card's Update
 * button; n8n's package scanner checks the tarball the registry serves. Screenshots go to tmp/ui/community-*.png.
 * Skipped with the real-n8n suite (`npm run test:fast`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withShortUrl, type Link, type LinkWithUrl } from '../../core';
import { LinkkitInstantTrigger } from '../../nodes/LinkkitInstantTrigger/LinkkitInstantTrigger.node';
import { packPackage, repoRoot, startN8n, type RunningN8n } from '../../scripts/n8n/instance';
import { n8nBin, pinnedNodeEnv } from '../../scripts/n8n/provision';
import { DEMO_OWNER, N8nRest } from '../../scripts/n8n/rest';
import { repackWithVersion, runCommand, startRegistry, type RunningRegistry } from '../support/registry';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { openBrowser, SCREENSHOT_DIR, type Browser } from './browser';
import { CommunityNodes } from './community';
import { action, trigger } from './descriptions';
import { Editor } from './editor';

const skip = process.env.LINKKIT_SKIP_REAL_N8N === '1';
if (skip) console.log('Community-install browser test skipped with the real-n8n suite (LINKKIT_SKIP_REAL_N8N=1).');
if (!skip && !existsSync(n8nBin())) {
	throw new Error(`No provisioned n8n at ${n8nBin()}: run \`npm test\` or \`npx tsx scripts/n8n/provision.ts\` first.`);
}
const describeInBrowser = skip ? describe.skip : describe;

const PACKAGE = 'n8n-nodes-linkkit';
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
/** The "newer version": the next patch as a prerelease, so it can never be mistaken for a real release. */
const NEXT_VERSION = manifest.version.replace(/^(\d+)\.(\d+)\.(\d+).*$/, (_, major, minor, patch) => `${major}.${minor}.${Number(patch) + 1}-e2e.0`);
const instant = new LinkkitInstantTrigger().description;
const INSTANT_NAME = instant.displayName;
/** The package's nodes by name, sorted (n8n lists them in the order it stored them). */
const NODE_NAMES = [action.displayName, trigger.displayName, INSTANT_NAME].sort();
/** The node types n8n loads from the package: the three nodes, and the AI-agent tool n8n makes of a `usableAsTool` node. */
const NODE_TYPES = [action.name, trigger.name, instant.name, ...(action.usableAsTool ? [`${action.name}Tool`] : [])].map((name) => `${PACKAGE}.${name}`).sort();
const CREDENTIAL = { id: 'linkkitCommunityCred', name: 'Linkkit sandbox' };
const work = join(repoRoot, 'tmp/community-install');

jest.setTimeout(240_000);

describeInBrowser('n8n-nodes-linkkit installed from n8n’s Settings → Community nodes, from an npm registry', () => {
	let sandbox: RunningSandbox;
	let registry: RunningRegistry;
	let n8n: RunningN8n;
	let rest: N8nRest;
	let browser: Browser;
	let editor: Editor;
	let community: CommunityNodes;
	let tarball: string;
	/** The workflow the person builds around the Linkkit node (saved by n8n on its first run). */
	let workflowUrl: string;

	const shot = async (name: string) => {
		await editor.toastsInView();
		await browser.screenshot(`community-${name}`);
	};
	const loadedTypes = async () => (await rest.nodeTypeNames()).filter((name) => name.startsWith(`${PACKAGE}.`)).sort();

	beforeAll(async () => {
		// Only this suite's screenshots: the other browser suite's may be there too.
		mkdirSync(SCREENSHOT_DIR, { recursive: true });
		for (const file of readdirSync(SCREENSHOT_DIR)) if (file.startsWith('community-')) rmSync(join(SCREENSHOT_DIR, file));
		rmSync(work, { recursive: true, force: true });
		sandbox = await startTestSandbox();
		registry = await startRegistry();
		tarball = packPackage(join(work, 'pack'));
		await registry.publish(tarball);
		n8n = await startN8n({
			userFolder: join(work, 'user'),
			env: {
				E2E_TESTS: 'true',
				N8N_COMMUNITY_PACKAGES_REGISTRY: registry.url,
				// n8n's "update available" check (`npm outdated` in ~/.n8n/nodes) does not pass that registry to npm, so it
				// asks npm's configured registry: point npm at the same one, as an instance with a private registry must.
				npm_config_registry: `${registry.url}/`,
			},
			async beforeStart(cli) {
				// Keys go in by n8n's CLI (encrypted on import), never typed into the page.
				await cli.importCredentials([{ ...CREDENTIAL, type: 'linkkitApi', data: { apiKey: sandbox.apiKey, publishableKey: sandbox.publishableKey, baseUrl: sandbox.url } }]);
			},
		});
		rest = new N8nRest(n8n.url);
		const feature = await rest.call('PATCH', '/rest/e2e/feature', { feature: 'feat:communityNodes:customRegistry', enabled: true });
		expect(feature.status).toBe(200);
		await rest.setupOwner(DEMO_OWNER);
		browser = await openBrowser();
		editor = new Editor(browser.page, n8n.url);
		community = new CommunityNodes(browser.page, n8n.url);
	}, 420_000);

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
		await registry?.stop();
		await sandbox?.stop();
	});

	test('the registry serves the packed tarball byte for byte, without provenance', async () => {
		const served = await registry.download(PACKAGE, manifest.version, join(work, 'served'));
		expect(readFileSync(served).equals(readFileSync(tarball))).toBe(true);
		const metadata = await registry.metadata(PACKAGE);
		expect(metadata['dist-tags'].latest).toBe(manifest.version);
		expect(metadata.versions[manifest.version].dist.attestations).toBeUndefined();
	});

	/*
	 * n8n's scanner (@n8n/scan-community-package 0.32.0) on what the registry serves. Its CLI reads only the public
	 * registry and stops at provenance, so scripts/scan-package.mjs calls the CLI's own legs from its scanner module:
	 *   node scripts/scan-package.mjs --package <unpacked tarball from Verdaccio> --source <repository>
	 *        --metadata <Verdaccio's metadata for the package> --version <version>
	 * Lint legs (source: package.json + nodes/ + credentials/; tarball: every .js + package.json) must pass;
	 * provenance must fail, for that reason only (the package is not published from CI with --provenance).
	 */
	test('n8n’s package scanner passes the tarball the registry serves, all but provenance', async () => {
		const unpacked = join(work, 'served/package');
		mkdirSync(unpacked, { recursive: true });
		await runCommand('tar', ['-xzf', join(work, 'served', readdirSync(join(work, 'served')).find((f) => f.endsWith('.tgz')) as string), '-C', unpacked, '--strip-components=1']);
		const metadataFile = join(work, 'served/metadata.json');
		writeFileSync(metadataFile, JSON.stringify(await registry.metadata(PACKAGE)));
		const scan = await runScanner(['--package', unpacked, '--source', repoRoot, '--metadata', metadataFile, '--version', manifest.version]);
		console.log(`n8n scanner legs: ${JSON.stringify(scan.result)}`);
		expect(scan.result.source).toEqual({ passed: true });
		expect(scan.result.tarball).toEqual({ passed: true });
		expect(scan.result.provenance).toMatchObject({ passed: false, message: expect.stringContaining('not published with npm provenance') });
		expect(scan.code).toBe(0);
	});

	test('Settings → Community nodes → Install brings the package in from the registry, with its three nodes', async () => {
		await editor.signIn(DEMO_OWNER.email, DEMO_OWNER.password);
		await editor.submitSignIn();
		await community.open();
		await shot('01-settings-empty');
		await community.openInstallDialog();
		await community.fillInstallDialog(PACKAGE);
		expect(await community.installButton().isEnabled()).toBe(true);
		await shot('02-install-dialog');
		const started = Date.now();
		const asked = registry.requests().length;
		await community.install(PACKAGE);
		const text = await community.cardShowing(PACKAGE, manifest.version);
		console.log(`installed from the registry in ${Math.round((Date.now() - started) / 1000)} s; card: ${text}`);
		expect(readCard(text)).toEqual({ packageName: PACKAGE, nodes: NODE_NAMES, version: manifest.version });
		await shot('03-installed');
		expect(await loadedTypes()).toEqual(NODE_TYPES);
		// From the registry, during the install.
		expect(registry.requests().slice(asked)).toContain(`GET /${PACKAGE}/-/${PACKAGE}-${manifest.version}.tgz`);
	});

	test('the node panel finds the nodes, and the Linkkit node runs against the sandbox', async () => {
		await editor.newWorkflow();
		await editor.searchNodes('Linkkit');
		await editor.nodePanelItem(trigger.description).waitFor();
		// One entry for the action node and its polling trigger (n8n merges a package's "X" and "X Trigger"), one for
		// the instant trigger, named without "Trigger" as n8n shows triggers: each entry's first line is its name.
		const entries = await editor.nodePanelTexts();
		expect(entries.map((entry) => entry.split('\n')[0])).toEqual([action.displayName, INSTANT_NAME.replace(/ Trigger$/, '')]);
		expect(entries[0]).toContain(trigger.description);
		await shot('04-node-panel');

		await editor.nodePanelItem(trigger.description).first().click();
		await editor.nodePanel().getByText(/^Actions \(\d+\)$/).click();
		await editor.nodePanelItem('Create a link').first().click();
		await editor.parameter('destination').waitFor();
		expect(await editor.credentialShown()).toBe(CREDENTIAL.name);
		await editor.fill('destination', 'https://example.com/installed-from-the-registry');
		const run = await editor.executeStep('Create a link');
		expect(run).toMatchObject({ status: 'success', items: [expect.objectContaining({ original_url: 'https://example.com/installed-from-the-registry' })] });
		await expectLinkInSandbox(run.items[0] as unknown as LinkWithUrl);
		await editor.showOutputAsJson();
		await shot('05-node-ran');
		await editor.closeNode();
		// n8n saved the workflow before running it: its address now has the workflow's id.
		await browser.page.waitForURL((url) => /\/workflow\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'));
		workflowUrl = browser.page.url();
	});

	test('a newer version in the registry: the card offers Update, and after it the nodes load and run', async () => {
		const next = await repackWithVersion(tarball, NEXT_VERSION, join(work, 'next'));
		await registry.publish(next);
		expect((await registry.metadata(PACKAGE))['dist-tags'].latest).toBe(NEXT_VERSION);

		await community.open();
		await community.updateButton(PACKAGE).waitFor();
		await shot('06-update-offered');
		await community.updateButton(PACKAGE).click();
		const includes = await community.confirmDialog().getByText(/^Package includes: /).innerText();
		expect(includes.replace('Package includes: ', '').split(', ').sort()).toEqual(NODE_NAMES);
		// n8n names the workflows the update touches: the one just built.
		await community.confirmDialog().getByText('My workflow').waitFor();
		await shot('07-update-confirm');
		const started = Date.now();
		const asked = registry.requests().length;
		await community.confirmUpdate();
		const text = await community.cardShowing(PACKAGE, NEXT_VERSION);
		console.log(`updated in ${Math.round((Date.now() - started) / 1000)} s; card: ${text}`);
		expect(readCard(text)).toEqual({ packageName: PACKAGE, nodes: NODE_NAMES, version: NEXT_VERSION });
		expect(await community.updateButton(PACKAGE).count()).toBe(0);
		expect(registry.requests().slice(asked)).toContain(`GET /${PACKAGE}/-/${PACKAGE}-${NEXT_VERSION}.tgz`);
		// n8n 2.41.1's "Package updated" toast leaves the version out ("… updated to version "): not checked.
		await shot('08-updated');
		expect(await loadedTypes()).toEqual(NODE_TYPES);
		const installed = JSON.parse(readFileSync(join(n8n.userFolder, '.n8n/nodes/node_modules', PACKAGE, 'package.json'), 'utf8')) as Record<string, unknown>;
		expect(installed.version).toBe(NEXT_VERSION);
		// n8n strips the development and peer dependencies of what it installs.
		expect(installed).not.toHaveProperty('devDependencies');
		expect(installed).not.toHaveProperty('peerDependencies');

		// The same workflow, on the updated package.
		await browser.page.goto(workflowUrl);
		await browser.page.getByTestId('canvas-node').first().waitFor({ timeout: 120_000 });
		await editor.openNode('Create a link');
		await editor.fill('destination', 'https://example.com/after-the-update');
		const run = await editor.executeStep('Create a link');
		expect(run).toMatchObject({ status: 'success', items: [expect.objectContaining({ original_url: 'https://example.com/after-the-update' })] });
		await expectLinkInSandbox(run.items[0] as unknown as LinkWithUrl);
		await shot('09-node-ran-after-update');
	});

	test('n8n asked the registry for this package only (the registry has nothing else, and proxies nowhere)', () => {
		const requests = registry.requests();
		console.log(`registry requests:\n  ${requests.join('\n  ')}`);
		// Besides the package: the test's own start-up check (ping) and publisher sign-up.
		const others = requests.filter((request) => !/^\w+ \/(n8n-nodes-linkkit(\/|$)|-\/(ping|user\/))/.test(request));
		expect(others).toEqual([]);
	});

	/** The link the node's output shows exists in the sandbox with that short URL. */
	async function expectLinkInSandbox(created: LinkWithUrl): Promise<void> {
		const answer = await fetch(`${sandbox.url}/v1/links/${created.short_code}`, { headers: { authorization: `Bearer ${sandbox.apiKey}` } });
		expect(answer.status).toBe(200);
		expect(created.short_url).toBe(withShortUrl((await answer.json()) as Link).short_url);
	}
});

/** A package card's text ("n8n-nodes-linkkit 3 nodes: Linkkit,Linkkit Trigger,… v0.2.0"), read back. */
function readCard(text: string): { packageName: string; nodes: string[]; version: string } | string {
	const parts = /^(\S+) (\d+) nodes?: (.+) v(\S+)$/.exec(text);
	if (!parts) return text;
	const nodes = parts[3].split(',').sort();
	expect(nodes).toHaveLength(Number(parts[2]));
	return { packageName: parts[1], nodes, version: parts[4] };
}

/** scripts/scan-package.mjs on the pinned Node; its JSON result and exit code. */
function runScanner(args: string[]): Promise<{ code: number | null; result: Record<string, { passed: boolean; message?: string; details?: string }> }> {
	return new Promise((resolve, reject) => {
		// Not under jest's NODE_ENV=test: with it, eslint-plugin-n8n-nodes-base takes every file for "Test.node.ts"
		// and reports wrong file names and trigger suffixes.
		const env = pinnedNodeEnv();
		delete env.NODE_ENV;
		const child = spawn(process.execPath, [join(repoRoot, 'scripts/scan-package.mjs'), ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			try {
				resolve({ code, result: JSON.parse(out) });
			} catch {
				reject(new Error(`the scanner printed no result (exit ${code}): ${out}`));
			}
		});
	});
}
