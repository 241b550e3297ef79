/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only test code, never shipped in the n8n package */
/**
 * The package as a person meets it: n8n 2.41.1's editor in headless Chromium (Debian's, driven by playwright-core),
 * with the packed tarball installed as a user installs it and the Linkkit sandbox behind the credential. Each step
 * does what a person does and checks what a person sees; a screenshot of each goes to tmp/ui/ for a reviewer.
 *
 * This suite starts its own n8n (about 20–30 s): the real-n8n suite's instance lives in another Jest worker with its
 * own in-process sandbox and publishes triggers before it starts, so sharing it would tie the two suites together.
 * Skipped when LINKKIT_SKIP_REAL_N8N=1 (`npm run test:fast`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import type { Campaign, Link, LinkkitClient } from '../../core';
import { packPackage, repoRoot, startN8n, type RunningN8n } from '../../scripts/n8n/instance';
import { n8nBin } from '../../scripts/n8n/provision';
import { DEMO_OWNER, N8nRest } from '../../scripts/n8n/rest';
import { CREDENTIAL } from '../n8n-e2e/workflows';
import { realClient } from '../support/fetch-port';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { chooseOption, openBrowser, waitForText, type Browser } from './browser';

const skip = process.env.LINKKIT_SKIP_REAL_N8N === '1';
if (skip) console.log('Browser test skipped (LINKKIT_SKIP_REAL_N8N=1, e.g. `npm run test:fast`).');
if (!skip && !existsSync(n8nBin())) {
	throw new Error(`No provisioned n8n at ${n8nBin()}: run \`npm test\` or \`npx tsx scripts/n8n/provision.ts\` first.`);
}
const describeUi = skip ? describe.skip : describe;

jest.setTimeout(300_000);

/** The triggers' old shape (plain ID strings), as test/n8n-trigger's in-process test runs it. */
function savedBeforePickers(campaignId: string, linkId: string): Record<string, unknown> {
	const text = readFileSync(join(repoRoot, 'test/n8n-trigger/fixtures/saved-before-pickers.json'), 'utf8')
		.replaceAll('{{CAMPAIGN_ID}}', campaignId)
		.replaceAll('{{LINK_ID}}', linkId)
		.replaceAll('"linkkit-credential"', JSON.stringify(CREDENTIAL.id))
		.replaceAll('"Linkkit account"', JSON.stringify(CREDENTIAL.name));
	return { id: 'savedBeforePickers', active: false, ...JSON.parse(text) };
}

describeUi('the n8n editor in a real browser', () => {
	let sandbox: RunningSandbox;
	let client: LinkkitClient;
	let n8n: RunningN8n;
	let browser: Browser;
	let page: Page;
	let alpha: Link;
	let beta: Link;
	let campaign: Campaign;
	let inCampaign: Link;

	beforeAll(async () => {
		sandbox = await startTestSandbox();
		({ client } = realClient(sandbox.url, sandbox.apiKey));
		// Links a person can tell apart in a picker, and a campaign for the workflow saved before the pickers.
		alpha = await client.links.create({ destination: 'https://example.com/picker-alpha', title: 'Picker Alpha spring sale' });
		beta = await client.links.create({ destination: 'https://example.com/picker-beta', title: 'Picker Beta summer sale' });
		campaign = await client.campaigns.create({ name: 'Browser test campaign' });
		inCampaign = await client.links.create({ destination: 'https://example.com/in-campaign', title: 'In the campaign', campaignId: campaign.id });

		const tarball = packPackage(join(repoRoot, 'tmp/ui/pack'));
		n8n = await startN8n({
			userFolder: join(repoRoot, 'tmp/ui/n8n'),
			tarball,
			async beforeStart(cli) {
				await cli.importCredentials([{ ...CREDENTIAL, type: 'linkkitApi', data: { apiKey: sandbox.apiKey, baseUrl: sandbox.url } }]);
				await cli.importWorkflows([savedBeforePickers(campaign.id, inCampaign.id)]);
			},
		});
		await new N8nRest(n8n.url).setupOwner(DEMO_OWNER);
		browser = await openBrowser();
		page = browser.page;
	}, 300_000);

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
		await sandbox?.stop();
	});

	const ndv = () => page.getByTestId('ndv');
	const output = () => page.getByTestId('output-panel');
	const credentialModal = () => page.getByTestId('editCredential-modal');

	test('sign in', async () => {
		await page.goto(`${n8n.url}/signin`);
		await page.locator('[data-test-id=emailOrLdapLoginId] input, input[data-test-id=emailOrLdapLoginId]').first().fill(DEMO_OWNER.email);
		await page.locator('[data-test-id=password] input, input[data-test-id=password]').first().fill(DEMO_OWNER.password);
		await browser.shot('sign-in');
		await page.getByTestId('form-submit-button').click();
		await page.waitForURL(/\/home\//);
		await browser.shot('signed-in');
	});

	test('the node panel finds Linkkit: its icon, 6 trigger events and 20 actions', async () => {
		await page.goto(`${n8n.url}/workflow/new`);
		await page.getByTestId('canvas-plus-button').click();
		await page.keyboard.type('Linkkit');
		const entry = page.getByTestId('item-iterator-item').filter({ has: page.getByTestId('node-creator-item-name').getByText('Linkkit', { exact: true }) });
		await entry.waitFor();
		const icon = entry.locator('img').first();
		expect(await icon.getAttribute('src')).toMatch(/n8n-nodes-linkkit\/dist\/nodes\/Linkkit\/linkkit\.svg$/);
		// Loaded, not a broken image: n8n serves the icon from the installed package.
		expect(await icon.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth > 0)).toBe(true);
		await browser.shot('node-panel-search');

		await entry.click();
		const panel = page.getByTestId('node-creator');
		await waitForText(panel, /Triggers \(6\)[\s\S]*Actions \(20\)/);
		const text = await panel.innerText();
		for (const event of ['On link click milestone', 'On new campaign', 'On new click', 'On new link', 'On new segment', 'On updated link']) {
			expect(text).toContain(event);
		}
		await panel.getByText('Actions (20)').click();
		// The list renders as it scrolls: these are the first sections (analytics, campaign, click, link).
		const actions = await waitForText(panel, /Create a link/);
		for (const action of ['Get a click summary', 'Create a campaign', 'Get many campaigns', 'Get many clicks', 'Create a link']) {
			expect(actions).toContain(action);
		}
		await browser.shot('node-panel-linkkit');
	});

	test('Link → Create: the credential is preselected, Execute step shows the created link', async () => {
		await page.getByTestId('node-creator').getByText('Create a link', { exact: true }).click();
		await ndv().waitFor();
		expect(await page.getByTestId('node-credentials-select').locator('input').first().inputValue()).toBe(CREDENTIAL.name);
		const destination = `https://example.com/from-the-editor?run=${Date.now()}`;
		await page.getByTestId('parameter-input-destination').locator('input, textarea').first().fill(destination);
		await browser.shot('create-filled');
		await page.getByTestId('node-execute-button').click();
		const shown = await waitForText(output(), /lnk_\w+/);
		expect(shown).toContain(destination);
		const [created] = (await client.links.listPage({ search: destination }, { limit: 5 })).data;
		expect(created?.destination).toBe(destination);
		expect(shown).toContain(created.id);
		await browser.shot('create-executed');
	});

	test("the credential's test: success, then a wrong key shows the credential's own message", async () => {
		await page.getByTestId('credential-edit-button').click();
		const modal = credentialModal();
		await modal.getByRole('button', { name: 'Retry' }).click();
		await waitForText(modal, /Connection tested successfully/);
		await browser.shot('credential-test-ok');

		const apiKey = page.getByTestId('parameter-input-apiKey').locator('input').first();
		await apiKey.fill('lk_test_not_a_real_key_typed_in_the_browser');
		await page.getByTestId('credential-save-button').click();
		await waitForText(modal, /Couldn.t connect with these settings/);
		const details = modal.getByText('More details');
		if (await details.isVisible()) await details.click();
		await waitForText(modal, /API key missing or incorrect — generate one in Linkkit under Settings → API Keys\./);
		await browser.shot('credential-test-wrong-key');

		// Put the right key back, as a person fixing the typo would, so the next steps can run.
		await apiKey.fill(sandbox.apiKey);
		await page.getByTestId('credential-save-button').click();
		await waitForText(modal, /Connection tested successfully/);
		await modal.getByRole('button', { name: 'Close this dialog' }).click();
		await modal.waitFor({ state: 'hidden' });
	});

	test('Link → Get: the picker lists links from Linkkit, typing narrows them, By URL takes a short URL', async () => {
		await chooseOption(page, page.getByTestId('parameter-input-operation'), 'Get a link by ID or short URL');
		const picker = page.getByTestId('resource-locator-linkId');
		await picker.getByTestId('rlc-input').click();
		const items = page.getByTestId('rlc-item');
		await items.first().waitFor();
		expect(await items.count()).toBeGreaterThan(10);
		await browser.shot('get-picker-list');

		await page.getByTestId('rlc-search').fill('Picker Alpha');
		await waitForText(page.locator('[data-test-id=rlc-item]').first(), /Picker Alpha/);
		const narrowed = await items.allInnerTexts();
		expect(narrowed).toEqual([`Picker Alpha spring sale (${alpha.shortUrl})`]);
		await browser.shot('get-picker-narrowed');
		await items.first().click();
		await page.getByTestId('node-execute-button').click();
		await waitForText(output(), new RegExp(alpha.id));
		await browser.shot('get-from-list-executed');

		await chooseOption(page, picker.getByTestId('rlc-mode-selector'), /^By URL$/);
		await picker.locator('[data-test-id=rlc-input] input, input[data-test-id=rlc-input]').first().fill(beta.shortUrl);
		await page.getByTestId('node-execute-button').click();
		await waitForText(output(), new RegExp(beta.id));
		expect(await picker.getByTestId('rlc-mode-selector').locator('input').first().inputValue()).toBe('By URL');
		await browser.shot('get-by-url-executed');
		await page.getByTestId('ndv-close-button').click();
	});

	test('Linkkit Trigger → New Link: Fetch Test Event shows the newest link; its pickers list links', async () => {
		await page.goto(`${n8n.url}/workflow/new`);
		await page.getByTestId('canvas-plus-button').click();
		await page.keyboard.type('Linkkit');
		await page.getByTestId('node-creator-item-name').getByText('Linkkit', { exact: true }).click();
		await page.getByTestId('node-creator').getByText('On new link', { exact: true }).click();
		await ndv().waitFor();
		expect(await page.getByTestId('node-credentials-select').locator('input').first().inputValue()).toBe(CREDENTIAL.name);
		const [newest] = (await client.links.listPage({ sort: '-createdAt' }, { limit: 1 })).data;
		await page.getByTestId('node-execute-button').click();
		await waitForText(output(), new RegExp(newest.id));
		await browser.shot('trigger-new-link-test-event');

		await chooseOption(page, page.getByTestId('parameter-input-event'), 'New Click');
		const linkPicker = page.getByTestId('resource-locator-clickLinkId');
		await linkPicker.getByTestId('rlc-input').click();
		await page.getByTestId('rlc-search').fill('Picker Beta');
		await waitForText(page.locator('[data-test-id=rlc-item]').first(), /Picker Beta/);
		expect(await page.getByTestId('rlc-item').allInnerTexts()).toEqual([`Picker Beta summer sale (${beta.shortUrl})`]);
		await browser.shot('trigger-new-click-link-picker');
		await page.keyboard.press('Escape');
		await page.getByTestId('ndv-close-button').click();
	});

	test('a workflow saved before the pickers opens with its campaign ID and fetches from that campaign', async () => {
		await page.goto(`${n8n.url}/workflow/savedBeforePickers`);
		await page.getByTestId('canvas-node').filter({ hasText: 'New links in the campaign' }).dblclick();
		await ndv().waitFor();
		const campaignPicker = page.getByTestId('resource-locator-campaignId');
		expect(await campaignPicker.locator('[data-test-id=rlc-input] input, input[data-test-id=rlc-input]').first().inputValue()).toBe(campaign.id);
		await page.getByTestId('node-execute-button').click();
		await waitForText(output(), new RegExp(inCampaign.id));
		await browser.shot('saved-before-pickers-test-event');
	});
});
