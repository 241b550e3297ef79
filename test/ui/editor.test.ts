/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only test code, never shipped in the n8n package */
/**
 * The package as a person meets it: n8n 2.41.1's editor in Debian's Chromium (headless, driven by playwright-core),
 * with n8n-nodes-linkkit installed from the packed tarball and a credential for the Linkkit sandbox on 127.0.0.1.
 * Each test does what a person does and checks what a person sees; a screenshot of every step goes to tmp/ui/.
 * The tests run in order, like one session in the editor. Skipped with the real-n8n suite (`npm run test:fast`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { linkLabel } from '../../core';
import { packPackage, repoRoot, startN8n, type RunningN8n } from '../../scripts/n8n/instance';
import { n8nBin } from '../../scripts/n8n/provision';
import { DEMO_OWNER, N8nRest } from '../../scripts/n8n/rest';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { openBrowser, SCREENSHOT_DIR, type Browser } from './browser';
import { Editor } from './editor';

const skip = process.env.LINKKIT_SKIP_REAL_N8N === '1';
if (skip) console.log('Browser test skipped with the real-n8n suite (LINKKIT_SKIP_REAL_N8N=1, e.g. `npm run test:fast`).');
if (!skip && !existsSync(n8nBin())) {
	throw new Error(`No provisioned n8n at ${n8nBin()}: run \`npm test\` or \`npx tsx scripts/n8n/provision.ts\` first.`);
}
const describeInBrowser = skip ? describe.skip : describe;

const CREDENTIAL = { id: 'linkkitBrowserCred', name: 'Linkkit sandbox' };
const runTag = `ui${Date.now().toString(36)}`;

// n8n's editor on a shared 2-core machine: a few seconds per click, up to a minute for a page.
jest.setTimeout(180_000);

interface ApiLink {
	id: string;
	shortUrl: string;
	slug: string;
	destination: string;
	title: string | null;
}

describeInBrowser('the Linkkit nodes in n8n’s editor, in a real browser', () => {
	let sandbox: RunningSandbox;
	let n8n: RunningN8n;
	let rest: N8nRest;
	let browser: Browser;
	let editor: Editor;
	/** The link the person creates in the editor (found in Linkkit by its unique destination). */
	let created: ApiLink;

	const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
		const answer = await fetch(`${sandbox.url}${path}`, {
			method,
			headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!answer.ok) throw new Error(`${method} ${path} answered ${answer.status}`);
		return (await answer.json()) as T;
	};
	const shot = (name: string) => browser.screenshot(name);

	beforeAll(async () => {
		rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
		sandbox = await startTestSandbox();
		const tarball = packPackage(join(repoRoot, 'tmp/ui-n8n/pack'));
		n8n = await startN8n({
			userFolder: join(repoRoot, 'tmp/ui-n8n/user'),
			tarball,
			async beforeStart(cli) {
				await cli.importCredentials([{ ...CREDENTIAL, type: 'linkkitApi', data: { apiKey: sandbox.apiKey, baseUrl: sandbox.url } }]);
			},
		});
		rest = new N8nRest(n8n.url);
		await rest.setupOwner(DEMO_OWNER);
		browser = await openBrowser();
		editor = new Editor(browser.page, n8n.url);
	}, 300_000);

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
		await sandbox?.stop();
	});

	test('signs in as the owner', async () => {
		await editor.signIn(DEMO_OWNER.email, DEMO_OWNER.password);
		await shot('01-sign-in');
		await editor.submitSignIn();
		await editor.newWorkflow();
		await shot('02-blank-workflow');
	});

	test('the node panel finds Linkkit with its icon, 6 trigger events and 20 actions', async () => {
		await editor.searchNodes('Linkkit');
		const entry = editor.nodePanelItem('Starts the workflow when links, campaigns, segments or clicks appear in Linkkit');
		await entry.waitFor();
		// The package's own icon, served by n8n and actually loaded (not a broken image or a generic placeholder).
		const icon = entry.locator('img[src*="n8n-nodes-linkkit"]').first();
		await icon.waitFor();
		expect(await icon.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
		await shot('03-node-panel-search');

		await entry.click();
		await editor.nodePanel().getByText('Triggers (6)').waitFor();
		expect(await editor.nodePanelTexts('Starts the workflow')).toEqual([
			'On link click milestone',
			'On new campaign',
			'On new click',
			'On new link',
			'On new segment',
			'On updated link',
		]);
		await editor.nodePanel().getByText('Actions (20)').click();
		await editor.nodePanelItem('Create a link').waitFor();
		const actions = (await editor.nodePanelTexts()).filter((text) => !/^On |ACTIONS$/.test(text));
		expect(actions).toHaveLength(20);
		expect(actions).toEqual(expect.arrayContaining(['Create a link', 'Get a link', 'Get a click summary', 'Create a segment', 'Get many clicks']));
		await shot('04-node-panel-linkkit');
	});

	test('Link → Create: the credential is preselected, and the created link shows in the output', async () => {
		await editor.nodePanelItem('Create a link').first().click();
		await editor.parameter('destination').waitFor();
		expect(await editor.credentialShown()).toBe(CREDENTIAL.name);
		const destination = `https://example.com/from-the-editor?run=${runTag}`;
		await editor.fill('destination', destination);
		await shot('05-create-link-filled');

		await editor.executeStep();
		const output = await editor.outputShows(destination);
		// The link exists in Linkkit, and the output panel shows its ID and short URL.
		const found = await api<{ data: ApiLink[] }>('GET', `/v1/links?search=${encodeURIComponent(runTag)}`);
		expect(found.data).toHaveLength(1);
		created = found.data[0];
		expect(output).toContain(created.id);
		expect(output).toContain(created.shortUrl);
		await shot('06-create-link-output');
	});

	test('the credential’s test passes, and a wrong key shows the credential’s own message', async () => {
		await editor.openCredential();
		const dialog = editor.credentialDialog();
		await dialog.getByText('Connection tested successfully').waitFor();
		await shot('07-credential-tested');

		// A person pastes a wrong key and saves: n8n runs the credential's test and shows its message.
		await dialog.getByTestId('parameter-input-apiKey').locator('input').fill(`lk_test_${randomBytes(12).toString('hex')}`);
		await dialog.getByTestId('credential-save-button').click();
		await dialog.getByText('Couldn’t connect with these settings').waitFor();
		await dialog.getByText('More details').click();
		await dialog.getByText('API key missing or incorrect — generate one in Linkkit under Settings → API Keys.').waitFor();
		await shot('08-credential-wrong-key');
		await editor.closeCredential();

		// The right key goes back over n8n's REST API, so the test key is never typed into the page.
		const restored = await rest.call('PATCH', `/rest/credentials/${CREDENTIAL.id}`, {
			name: CREDENTIAL.name,
			type: 'linkkitApi',
			data: { apiKey: sandbox.apiKey, baseUrl: sandbox.url },
		});
		expect(restored.status).toBe(200);
	});

	test('Link → Get: the picker lists Linkkit’s links, typing narrows them, and By URL takes a short URL', async () => {
		await editor.choose('operation', 'Get a link by ID or short URL');
		await editor.picker('linkId').waitFor();
		expect(await editor.pickerMode('linkId')).toBe('From list');
		expect(await editor.pickerModes('linkId')).toEqual(['From list', 'By ID', 'By URL']);

		await editor.openPickerList('linkId');
		// The sandbox's 60 seeded links and the new one; the list pages in 50 at a time.
		expect(await editor.pickerItems().count()).toBeGreaterThanOrEqual(50);
		await shot('09-link-picker-list');

		const narrowed = await editor.searchPicker(runTag);
		expect(narrowed).toEqual([linkLabel(created)]);
		await shot('10-link-picker-search');
		await editor.pickerItems().first().click();
		await editor.executeStep();
		expect(await editor.outputShows(created.id)).toContain(created.shortUrl);

		// Another link, by the short URL a person would copy from a message.
		const [other] = (await api<{ data: ApiLink[] }>('GET', '/v1/links?limit=1&sort=createdAt')).data;
		await editor.setPickerMode('linkId', 'shortUrl');
		await editor.typeInPicker('linkId', other.shortUrl);
		await editor.executeStep();
		expect(await editor.outputShows(other.id)).toContain(other.shortUrl);
		await shot('11-link-by-url');
		await editor.closeNode();
	});

	test('Linkkit Trigger → New Link: Fetch Test Event shows the newest link', async () => {
		await editor.newWorkflow();
		await editor.searchNodes('Linkkit');
		await editor.nodePanelItem('Starts the workflow when links').click();
		await editor.nodePanelItem('On new link').click();
		await editor.parameter('event').waitFor();
		expect(await editor.credentialShown()).toBe(CREDENTIAL.name);
		await editor.picker('campaignId').waitFor();
		await editor.ndv().getByText('Leave empty to watch every link').waitFor();
		await shot('12-trigger-new-link');

		await editor.executeStep();
		const output = await editor.outputShows(created.id);
		expect(output).toContain('1 item');
		await shot('13-trigger-test-event');
	});

	test('Linkkit Trigger: New Click and Link Click Milestone pick their link and campaign from lists', async () => {
		await editor.choose('event', 'Someone clicks a short link');
		await editor.picker('clickLinkId').waitFor();
		await editor.picker('clickCampaignId').waitFor();
		expect(await editor.pickerModes('clickLinkId')).toEqual(['From list', 'By ID', 'By URL']);
		expect(await editor.pickerModes('clickCampaignId')).toEqual(['From list', 'By ID']);
		await editor.openPickerList('clickLinkId');
		expect(await editor.searchPicker(runTag)).toEqual([linkLabel(created)]);
		await shot('14-trigger-new-click-picker');
		await editor.pickerItems().first().click();

		const campaign = await api<{ id: string; name: string }>('POST', '/v1/campaigns', { name: `Browser campaign ${runTag}` });
		await editor.choose('event', 'A link reaches a number of clicks');
		await editor.choose('watch', 'Every Link of a Campaign');
		await editor.openPickerList('milestoneCampaignId');
		expect(await editor.searchPicker(runTag)).toEqual([campaign.name]);
		await editor.pickerItems().first().click();
		await shot('15-trigger-milestone');
	});

	test('a workflow saved before the pickers (plain ID strings) still opens and fetches its test event', async () => {
		const campaign = await api<{ id: string }>('POST', '/v1/campaigns', { name: `Old shape ${runTag}` });
		const inCampaign = await api<ApiLink>('POST', '/v1/links', { destination: `https://example.com/old-shape?run=${runTag}`, campaignId: campaign.id });
		const saved = await rest.call<{ id: string }>('POST', '/rest/workflows', {
			name: 'Saved before the pickers',
			nodes: [
				{
					parameters: { event: 'newLink', campaignId: campaign.id },
					id: '5f0c3b8e-0000-4000-8000-000000000001',
					name: 'Linkkit Trigger',
					type: 'n8n-nodes-linkkit.linkkitTrigger',
					typeVersion: 1,
					position: [0, 0],
					credentials: { linkkitApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		expect(saved.status).toBe(200);

		await editor.openWorkflow(saved.body.id);
		await editor.openNode('Linkkit Trigger');
		// The editor shows the saved ID in the picker; the node reads it as before.
		expect(await editor.picker('campaignId').getByTestId('rlc-input-container').locator('input').inputValue()).toBe(campaign.id);
		await editor.executeStep();
		expect(await editor.outputShows(inCampaign.id)).toContain(inCampaign.shortUrl);
		await shot('16-old-shape-workflow');
	});
});
