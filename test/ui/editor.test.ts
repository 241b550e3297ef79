/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports, no-console -- dev-only test code, never shipped in the n8n package */
/**
 * The package as a person meets it: n8n 2.41.1's editor in Debian's Chromium (headless, driven by playwright-core),
 * with n8n-nodes-linkkit installed from the packed tarball and a credential (API key and publishable key) for the
 * Linkkit sandbox on 127.0.0.1. Each test does what a person does and checks what a person sees; what the node panel,
 * drop-downs and pickers should offer comes from the nodes' own descriptions. A screenshot of every step goes to
 * tmp/ui/. The tests run in order, like one session in the editor. Skipped with the real-n8n suite
 * (`npm run test:fast`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { linkLabel, withShortUrl, type Link, type LinkWithUrl } from '../../core';
import { packPackage, repoRoot, startN8n, type RunningN8n } from '../../scripts/n8n/instance';
import { n8nBin } from '../../scripts/n8n/provision';
import { DEMO_OWNER, N8nRest } from '../../scripts/n8n/rest';
import { startTestSandbox, type RunningSandbox } from '../support/sandbox';
import { openBrowser, SCREENSHOT_DIR, type Browser } from './browser';
import { action, actionsByResource, instant, operationDescription, optionOf, pickerModes, propertyOf, trigger, triggerEvents } from './descriptions';
import { Editor } from './editor';

const skip = process.env.LINKKIT_SKIP_REAL_N8N === '1';
if (skip) console.log('Browser test skipped with the real-n8n suite (LINKKIT_SKIP_REAL_N8N=1, e.g. `npm run test:fast`).');
if (!skip && !existsSync(n8nBin())) {
	throw new Error(`No provisioned n8n at ${n8nBin()}: run \`npm test\` or \`npx tsx scripts/n8n/provision.ts\` first.`);
}
const describeInBrowser = skip ? describe.skip : describe;

const CREDENTIAL = { id: 'linkkitBrowserCred', name: 'Linkkit sandbox' };
/** Visits of the short links look like a person's (Node's own user agent counts as a bot). */
const BROWSER_USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';
const runTag = `ui${Date.now().toString(36)}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 100 ms until it holds; fails after `timeoutMs` naming what it waited for. */
async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
		await sleep(100);
	}
}

// n8n's editor on a shared 2-core machine: a few seconds per click, up to a minute for a page.
jest.setTimeout(180_000);

/** How the node panel shows the package (the trigger's description stands for both nodes there). */
const PANEL_ENTRY = trigger.description;

interface Segment {
	id: string;
	name: string;
}

describeInBrowser('the Linkkit nodes in n8n’s editor, in a real browser', () => {
	let sandbox: RunningSandbox;
	let n8n: RunningN8n;
	let rest: N8nRest;
	let browser: Browser;
	let editor: Editor;
	/** The link the person creates in the editor (Link → Create). */
	let created: LinkWithUrl;
	/** The segment the person creates (Segment → Create). */
	let segment: Segment;
	/** The link created with a campaign setting: the newest link when the trigger is tried. */
	let withSetting: LinkWithUrl;
	/** Click IDs (lkclid) of the visits of the created link, oldest first. */
	const clickIds: string[] = [];

	const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
		const answer = await fetch(`${sandbox.url}${path}`, {
			method,
			headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (!answer.ok) throw new Error(`${method} ${path} answered ${answer.status}`);
		return (await answer.json()) as T;
	};
	/** A visit of a short link, as a person's browser makes it; returns the click's ID (lkclid) from the redirect. */
	const visit = async (code: string, country: string): Promise<string> => {
		const answer = await fetch(`${sandbox.url}/r/${code}`, { redirect: 'manual', headers: { 'X-Sandbox-Country': country, 'user-agent': BROWSER_USER_AGENT } });
		expect(answer.status).toBe(302);
		return new URL(answer.headers.get('location') as string).searchParams.get('lkclid') as string;
	};
	const credentialData = () => ({ apiKey: sandbox.apiKey, publishableKey: sandbox.publishableKey, baseUrl: sandbox.url });
	const shot = async (name: string) => {
		await editor.toastsInView();
		await browser.screenshot(name);
	};

	beforeAll(async () => {
		// This suite's own screenshots (numbered); other browser suites keep theirs in the same folder.
		mkdirSync(SCREENSHOT_DIR, { recursive: true });
		for (const file of readdirSync(SCREENSHOT_DIR)) if (/^\d\d-.*\.png$/.test(file)) rmSync(join(SCREENSHOT_DIR, file));
		sandbox = await startTestSandbox();
		const tarball = packPackage(join(repoRoot, 'tmp/ui-n8n/pack'));
		n8n = await startN8n({
			userFolder: join(repoRoot, 'tmp/ui-n8n/user'),
			tarball,
			async beforeStart(cli) {
				await cli.importCredentials([{ ...CREDENTIAL, type: 'linkkitApi', data: credentialData() }]);
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

	test('the node panel finds Linkkit with its icon, and lists the trigger events and actions the nodes describe', async () => {
		await editor.searchNodes('Linkkit');
		const entry = editor.nodePanelItem(PANEL_ENTRY);
		await entry.waitFor();
		// The package's own icon, served by n8n and actually loaded (not a broken image or a generic placeholder).
		const icon = entry.locator('img[src*="n8n-nodes-linkkit"]').first();
		await icon.waitFor();
		expect(await icon.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBeGreaterThan(0);
		await shot('03-node-panel-search');

		const events = triggerEvents();
		const groups = actionsByResource();
		const actionCount = groups.reduce((sum, group) => sum + group.actions.length, 0);
		await entry.click();
		await editor.nodePanel().getByText(`Triggers (${events.length})`).waitFor();
		expect(await editor.nodePanelTexts(PANEL_ENTRY)).toEqual(events);
		await shot('04-node-panel-triggers');

		await editor.nodePanel().getByText(`Actions (${actionCount})`).click();
		await editor.nodePanelItem(groups[0].actions[0]).waitFor();
		expect(await editor.nodePanelTexts()).toEqual([...events, ...groups.flatMap((group) => [group.heading, ...group.actions])]);
		await shot('05-node-panel-actions');
		console.log(`node panel: ${events.length} trigger events, ${actionCount} actions in ${groups.length} resources`);
	});

	test('Link → Create: the credential is preselected, and the created link shows in the output with its short URL', async () => {
		await editor.nodePanelItem('Create a link').first().click();
		await editor.parameter('destination').waitFor();
		expect(await editor.credentialShown()).toBe(CREDENTIAL.name);
		const destination = `https://example.com/from-the-editor?run=${runTag}`;
		await editor.fill('destination', destination);
		await shot('06-create-link-filled');

		const run = await editor.executeStep('Create a link');
		expect(run).toMatchObject({ status: 'success', items: [expect.objectContaining({ original_url: destination })] });
		created = run.items[0] as unknown as LinkWithUrl;
		// The link exists in Linkkit as the output shows it, short URL included.
		expect(created.short_url).toBe(withShortUrl(await api<Link>('GET', `/v1/links/${created.short_code}`)).short_url);
		// The JSON view shows every field; the table cuts the short URL off at the panel's edge.
		await editor.showOutputAsJson();
		await editor.outputShows(created.short_url);
		await shot('07-create-link-output');
	});

	test('the credential’s test passes, and a wrong key shows the credential’s own message', async () => {
		await editor.openCredential();
		const dialog = editor.credentialDialog();
		await dialog.getByText('Connection tested successfully').waitFor();
		await shot('08-credential-tested');

		// A person pastes a wrong key and saves: n8n runs the credential's test and shows its message.
		await dialog.getByTestId('parameter-input-apiKey').locator('input').fill(`lk_test_${randomBytes(12).toString('hex')}`);
		await dialog.getByTestId('credential-save-button').click();
		await dialog.getByText('Couldn’t connect with these settings').waitFor();
		await dialog.getByText('More details').click();
		await dialog.getByText('API key missing or incorrect — generate one in Linkkit under Settings → API Keys.').waitFor();
		await shot('09-credential-wrong-key');
		await editor.closeCredential();

		// The right keys go back over n8n's REST API, so the test's keys are never typed into the page.
		const restored = await rest.call('PATCH', `/rest/credentials/${CREDENTIAL.id}`, { name: CREDENTIAL.name, type: 'linkkitApi', data: credentialData() });
		expect(restored.status).toBe(200);
	});

	test('Link → Get: the picker lists Linkkit’s links, typing narrows them, and its By Code and By URL modes take what a person pastes', async () => {
		await editor.choose('operation', operationDescription('link', 'get'));
		await editor.picker('link').waitFor();
		const modes = pickerModes(action, 'link');
		expect(await editor.pickerMode('link')).toBe(modes[0]);
		expect(await editor.pickerModes('link')).toEqual(modes);

		await editor.openPickerList('link');
		// The sandbox's 60 seeded links and the new one; the list pages in 50 at a time.
		expect(await editor.pickerItems().count()).toBeGreaterThanOrEqual(50);
		await shot('10-link-picker-list');
		expect(await editor.searchPicker(runTag)).toEqual([linkLabel(created)]);
		await shot('11-link-picker-search');
		await editor.pickerItems().first().click();
		expect(await editor.pickerValue('link')).toBe(linkLabel(created));
		expect((await editor.executeStep('Get a link')).items).toEqual([created]);
		await shot('12-link-get-from-list');

		// Two seeded links: one by the short code a person reads off a link, one by the short URL copied from a message.
		const seeded = (await api<{ data: Link[] }>('GET', '/v1/links?limit=3&page=2')).data.map((link) => withShortUrl(link));
		await editor.setPickerMode('link', 'shortCode');
		expect(await editor.pickerMode('link')).toBe(modes[1]);
		expect(await editor.pickerModeFits('link')).toBe(true);
		await editor.typeInPicker('link', seeded[0].short_code);
		expect((await editor.executeStep('Get a link')).items).toEqual([expect.objectContaining({ id: seeded[0].id, short_url: seeded[0].short_url })]);
		await editor.outputShows(seeded[0].id);
		await shot('13-link-by-short-code');

		await editor.setPickerMode('link', 'shortUrl');
		expect(await editor.pickerModeFits('link')).toBe(true);
		await editor.typeInPicker('link', seeded[1].short_url);
		expect((await editor.executeStep('Get a link')).items).toEqual([expect.objectContaining({ id: seeded[1].id, short_url: seeded[1].short_url })]);
		await editor.outputShows(seeded[1].id);
		await shot('14-link-by-url');
		await editor.closeNode();
	});

	test('Segment → Create, then Segment → Add Link with both pickers from their lists', async () => {
		await editor.deselect();
		await editor.addNode('Linkkit', PANEL_ENTRY, 'Create a segment');
		await editor.fill('name', `Browser segment ${runTag}`);
		const made = await editor.executeStep('Create a segment');
		expect(made).toMatchObject({ status: 'success', items: [expect.objectContaining({ name: `Browser segment ${runTag}` })] });
		segment = made.items[0] as unknown as Segment;
		await editor.outputShows(segment.id);
		await shot('15-segment-create');
		await editor.closeNode();

		await editor.deselect();
		await editor.addNode('Linkkit', PANEL_ENTRY, 'Add a link to a segment');
		await editor.openPickerList('segmentId');
		expect(await editor.searchPicker(runTag)).toEqual([segment.name]);
		await editor.pickerItems().first().click();
		await editor.openPickerList('link');
		expect(await editor.searchPicker(`run=${runTag}`)).toEqual([linkLabel(created)]);
		await shot('16-segment-add-link-pickers');
		await editor.pickerItems().first().click();
		const moved = await editor.executeStep('Add a link to a segment');
		expect(moved.items).toEqual([expect.objectContaining({ short_code: created.short_code, list_id: segment.id })]);
		expect((await api<Link>('GET', `/v1/links/${created.short_code}`)).list_id).toBe(segment.id);
		await editor.outputShows(segment.id);
		await shot('17-segment-add-link-output');
		await editor.closeNode();
	});

	test('Link → Create with a Campaign Setting picked from its list: the destination in the output carries its UTM parameters', async () => {
		const setting = await api<{ id: string; name: string }>('POST', '/v1/utm-templates', {
			name: `Newsletter ${runTag}`,
			utm_source: 'newsletter',
			utm_medium: 'email',
			utm_campaign: runTag,
		});
		await editor.deselect();
		await editor.addNode('Linkkit', PANEL_ENTRY, 'Create a link');
		await editor.fill('destination', `https://example.com/spring?run=${runTag}&utm_source=old`);
		const offered = await editor.addCollectionField('Additional Fields', 'Campaign Setting');
		expect(offered).toEqual(expect.arrayContaining(['Campaign Setting', 'Segment', 'Title']));
		await editor.openPickerList('campaignSettingId');
		expect(await editor.searchPicker(runTag)).toEqual([setting.name]);
		await shot('18-campaign-setting-picker');
		await editor.pickerItems().first().click();

		const run = await editor.executeStep('Create a link');
		expect(run.status).toBe('success');
		withSetting = run.items[0] as unknown as LinkWithUrl;
		const url = new URL(String(withSetting.original_url));
		// The setting's parameters, the one of the same name replaced.
		expect([...url.searchParams.entries()].sort()).toEqual([
			['run', runTag],
			['utm_campaign', runTag],
			['utm_medium', 'email'],
			['utm_source', 'newsletter'],
		]);
		await editor.outputShows('utm_source=newsletter');
		await shot('19-create-link-with-campaign-setting');
		await editor.closeNode();
	});

	test('Analytics → Get Breakdown: the created link’s clicks by country, computed by the node, most first', async () => {
		for (const country of ['DE', 'DE', 'DE', 'US', 'US']) clickIds.push(await visit(created.short_code, country));
		await editor.deselect();
		await editor.addNode('Linkkit', PANEL_ENTRY, 'Get a click breakdown');
		const notice = propertyOf(action, 'computedNotice', { resource: ['analytics'], operation: ['getBreakdown'] }).displayName;
		await editor.ndv().getByText(notice).waitFor();
		await editor.setPickerMode('link', 'shortUrl');
		await editor.typeInPicker('link', created.short_url);
		const run = await editor.executeStep('Get a click breakdown');
		expect(run.items).toEqual([
			expect.objectContaining({ short_code: created.short_code, dimension: 'country', value: 'DE', clicks: 3, total_clicks: 5, computed: true }),
			expect.objectContaining({ short_code: created.short_code, dimension: 'country', value: 'US', clicks: 2, total_clicks: 5, computed: true }),
		]);
		await editor.outputShows('2 items');
		await shot('20-analytics-breakdown');
		await editor.closeNode();
	});

	test('Conversion → Track Lead with the credential’s publishable key, tied to a click of the created link', async () => {
		await editor.deselect();
		await editor.addNode('Linkkit', PANEL_ENTRY, 'Track a lead');
		await editor.ndv().getByText(propertyOf(action, 'publishableKeyNotice', { resource: ['conversion'], operation: ['trackLead'] }).displayName).waitFor();
		await editor.fill('customerExternalId', `cus-${runTag}`);
		await editor.addCollectionField('Additional Fields', 'Click ID');
		await editor.fill('lkclid', clickIds[0]);
		const run = await editor.executeStep('Track a lead');
		expect(run.items).toEqual([
			expect.objectContaining({ type: 'lead', customer_external_id: `cus-${runTag}`, link_id: created.id, click_id: clickIds[0] }),
		]);
		const recorded = await api<{ data: Array<{ id: string }> }>('GET', '/v1/conversions');
		expect(recorded.data.map((conversion) => conversion.id)).toContain(run.items[0].id);
		await editor.outputShows(`cus-${runTag}`);
		await shot('21-track-lead');
		await editor.closeNode();
	});

	test('Linkkit Trigger → New Link: Fetch Test Event shows the newest link', async () => {
		// Beside the actions tried so far (a workflow can have several triggers; a new one would reload the editor).
		await editor.deselect();
		await editor.addTrigger('Linkkit', PANEL_ENTRY, 'On new link');
		expect(await editor.credentialShown()).toBe(CREDENTIAL.name);
		await editor.picker('segment').waitFor();
		await editor.ndv().getByText(String(propertyOf(trigger, 'segment').hint)).waitFor();
		await shot('22-trigger-new-link');

		const run = await editor.executeStep('Linkkit Trigger');
		expect(run.items).toEqual([withSetting]);
		await editor.showOutputAsJson();
		await editor.outputShows(withSetting.short_url);
		await shot('23-trigger-new-link-event');
	});

	test('Linkkit Trigger → New Click: the link picker, the newest click, and what a link without clicks shows', async () => {
		await editor.choose('event', String(optionOf(trigger, 'event', 'newClick').description));
		await editor.picker('link').waitFor();
		expect(await editor.pickerModes('link')).toEqual(pickerModes(trigger, 'link'));
		await editor.openPickerList('link');
		expect(await editor.searchPicker(`from-the-editor?run=${runTag}`)).toEqual([linkLabel(created)]);
		await shot('24-trigger-new-click-picker');
		await editor.pickerItems().first().click();

		const run = await editor.executeStep('Linkkit Trigger');
		expect(run.items).toEqual([
			expect.objectContaining({ id: clickIds[clickIds.length - 1], country: 'US', device: 'desktop', short_code: created.short_code, short_url: created.short_url }),
		]);
		await editor.outputShows(clickIds[clickIds.length - 1]);
		await shot('25-trigger-new-click-event');

		// The link made with the campaign setting has never been opened: the panel says what to do.
		await editor.setPickerMode('link', 'shortCode');
		await editor.typeInPicker('link', withSetting.short_code);
		const empty = await editor.executeStep('Linkkit Trigger');
		expect(empty.error).toMatch(/no clicks/);
		await shot('26-trigger-new-click-no-clicks');
		await editor.closeNode();
	});

	test('a workflow saved with plain values in its pickers opens with them, runs, and keeps them when saved again', async () => {
		const credentials = { linkkitApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };
		// As an older version, an expression or an AI agent leaves them: a segment ID, a short URL, a short code.
		const plain = {
			'Linkkit Trigger': { event: 'newLink', segment: segment.id },
			'Get a link': { resource: 'link', operation: 'get', link: created.short_url },
			'Add to segment': { resource: 'segment', operation: 'addLink', segmentId: segment.id, link: withSetting.short_code },
		};
		const saved = await rest.call<{ id: string }>('POST', '/rest/workflows', {
			name: `Plain values ${runTag}`,
			nodes: Object.entries(plain).map(([name, parameters], i) => ({
				parameters,
				id: `5f0c3b8e-0000-4000-8000-00000000000${i + 1}`,
				name,
				type: i === 0 ? 'n8n-nodes-linkkit.linkkitTrigger' : 'n8n-nodes-linkkit.linkkit',
				typeVersion: 1,
				position: [i * 300, 0],
				credentials,
			})),
			connections: {
				'Linkkit Trigger': { main: [[{ node: 'Get a link', type: 'main', index: 0 }]] },
				'Get a link': { main: [[{ node: 'Add to segment', type: 'main', index: 0 }]] },
			},
			settings: { executionOrder: 'v1' },
		});
		expect(saved.status).toBe(200);

		await editor.openWorkflow(saved.body.id);
		await editor.openNode('Linkkit Trigger');
		expect(await editor.pickerValue('segment')).toBe(segment.id);
		await shot('27-plain-values-trigger');
		await editor.closeNode();
		await editor.openNode('Get a link');
		expect(await editor.pickerValue('link')).toBe(created.short_url);
		await editor.closeNode();
		await editor.openNode('Add to segment');
		expect(await editor.pickerValue('segmentId')).toBe(segment.id);
		expect(await editor.pickerValue('link')).toBe(withSetting.short_code);
		await shot('28-plain-values-add-to-segment');

		// Running the last step runs the three: the trigger's newest link of the segment is the created one.
		const run = await editor.executeStep('Add to segment');
		expect(run.items).toEqual([expect.objectContaining({ short_code: withSetting.short_code, list_id: segment.id })]);
		await editor.outputShows(withSetting.short_code);
		await shot('29-plain-values-run');
		await editor.closeNode();

		// Saved again from the editor: a node moved a little, then Ctrl+S sends the workflow as the editor holds it.
		const box = await editor.page.locator('[data-test-id="canvas-node"][data-node-name="Get a link"]').boundingBox();
		if (!box) throw new Error('the Get a link node is not on the canvas');
		await editor.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await editor.page.mouse.down();
		await editor.page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 60, { steps: 5 });
		await editor.page.mouse.up();
		const saving = editor.page.waitForResponse((response) => response.request().method() === 'PATCH' && response.url().includes(`/rest/workflows/${saved.body.id}`));
		await editor.page.keyboard.press('Control+s');
		expect((await saving).status()).toBe(200);
		await shot('30-plain-values-saved');
		const after = await rest.call<{ nodes: Array<{ name: string; parameters: Record<string, unknown> }> }>('GET', `/rest/workflows/${saved.body.id}`);
		for (const [name, parameters] of Object.entries(plain)) {
			const node = after.body.nodes.find((candidate) => candidate.name === name);
			const pickers = Object.fromEntries(Object.entries(parameters).filter(([key]) => ['segment', 'link', 'segmentId'].includes(key)));
			expect(node?.parameters).toMatchObject(pickers);
		}
	});

	test('Linkkit Instant Trigger: the node panel lists it beside the polling trigger; "Listen for test event" shows a link created in Linkkit, and n8n ends its test subscription', async () => {
		/** Subscriptions at n8n's test webhook URL (the editor's "Listen for test event"); the sandbox is on 127.0.0.1 too. */
		const testHooks = () => sandbox.hooks().filter((hook) => hook.url.startsWith(`${n8n.url}/webhook-test/`));
		const testDeliveries = () => sandbox.deliveries().filter((delivery) => delivery.target_url.startsWith(`${n8n.url}/webhook-test/`));
		expect(sandbox.hooks()).toEqual([]);

		// A new workflow, as a person starts one: "Linkkit" in the node panel lists both triggers, each saying when to
		// take the other.
		await editor.newWorkflow();
		await editor.searchNodes('Linkkit');
		const instantEntry = editor.nodePanelItem(instant.description);
		await editor.nodePanelItem(PANEL_ENTRY).waitFor();
		await instantEntry.waitFor();
		const listed = await editor.nodePanelTexts();
		console.log(`node panel, "Linkkit" searched in a blank workflow:\n  ${listed.map((text) => text.replace(/\s*\n\s*/g, ' | ')).join('\n  ')}`);
		await shot('31-node-panel-both-triggers');

		await instantEntry.click();
		expect(await editor.nodePanelTexts(instant.description)).toEqual(triggerEvents(instant, 'events'));
		await shot('32-node-panel-instant-events');
		await editor.nodePanelItem('On new link').first().click();
		await editor.ndv().waitFor();
		expect(await editor.credentialShown()).toBe(CREDENTIAL.name);
		await editor.parameter('events').getByText('New Link').waitFor();
		await shot('33-instant-trigger-new-link');

		// Listening, then stopped without an event: n8n subscribed at its test URL, then ends that subscription.
		await editor.startListening();
		expect(testHooks().map((hook) => hook.event)).toEqual(['link.created']);
		await shot('34-instant-trigger-listening');
		await editor.stopListening();
		await until(() => testHooks().length === 0, 'the test subscription to end after Stop Listening');

		// Listening again; a link created in Linkkit (over its API, with the test key) is the test event.
		const destination = `https://example.com/instant-from-the-editor?run=${runTag}`;
		let made: LinkWithUrl | undefined;
		const run = await editor.listenForTestEvent('Linkkit Instant Trigger', async () => {
			expect(testHooks().map((hook) => hook.event)).toEqual(['link.created']);
			made = withShortUrl(await api<Link>('POST', '/v1/links', { original_url: destination }));
		});
		if (!made) throw new Error('no link was created');
		expect(run).toMatchObject({
			status: 'success',
			items: [expect.objectContaining({ id: made.id, short_code: made.short_code, original_url: destination, short_url: made.short_url })],
		});
		expect(run.items).toHaveLength(1);
		await editor.showOutputAsJson();
		await editor.outputShows(made.short_url);
		await editor.outputShows(destination);
		await shot('35-instant-trigger-test-event');

		// Listening ended with the event: the test subscription is gone, and Linkkit delivered exactly that one event there.
		await until(() => testHooks().length === 0, 'the test subscription to end after the test event');
		await until(() => testDeliveries().every((delivery) => delivery.state !== 'pending'), 'the delivery to settle');
		const deliveries = testDeliveries();
		expect(deliveries.map((delivery) => [delivery.event, delivery.attempts.map((attempt) => attempt.status)])).toEqual([['link.created', [200]]]);
		expect(JSON.stringify(deliveries[0].payload)).toContain(made.id);
		expect(sandbox.hooks()).toEqual([]);
		console.log(`instant trigger in the editor: test event ${made.short_code} shown; delivery answered in ${deliveries[0].attempts[0].duration_ms} ms`);
		await editor.closeNode();
	}, 240_000);
});
