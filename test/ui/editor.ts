/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test code, never shipped in the n8n package */
/**
 * The parts of n8n 2.41's editor the browser test uses, found by the data-test-id attributes n8n's own end-to-end
 * tests rely on (they change less often than classes or layout). Each helper does what a person does: click, type,
 * pick from a list; none reaches into n8n's state. What a run produced is read from the messages n8n's server pushes
 * to the page (the ones the editor draws its output panel from), so a check never mistakes the previous run's output,
 * still on screen, for the new one.
 */
import type { Locator, Page, WebSocket } from 'playwright-core';

/** A node's run as n8n pushed it to the editor. */
export interface StepRun {
	status: string;
	/** The `json` of each item the node put out (first output). */
	items: Array<Record<string, unknown>>;
	/** The node's error message, when it failed. */
	error?: string;
}

interface PushMessage {
	type: string;
	data: {
		executionId?: string;
		nodeName?: string;
		status?: string;
		data?: { data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> }; error?: { message?: string; description?: string } };
	};
}

export class Editor {
	/** Every message n8n pushed to the page (`/rest/push`), oldest first. */
	private readonly pushed: PushMessage[] = [];

	constructor(
		readonly page: Page,
		readonly url: string,
	) {
		// Before the first page loads: each editor page opens its own push connection.
		page.on('websocket', (socket: WebSocket) => {
			if (!socket.url().includes('/rest/push')) return;
			socket.on('framereceived', ({ payload }) => {
				try {
					this.pushed.push(JSON.parse(String(payload)) as PushMessage);
				} catch {
					// Not a JSON message (a heartbeat).
				}
			});
		});
	}

	async signIn(email: string, password: string): Promise<void> {
		await this.page.goto(`${this.url}/signin`);
		await this.page.getByTestId('emailOrLdapLoginId').locator('input').fill(email);
		await this.page.getByTestId('password').locator('input').fill(password);
	}

	async submitSignIn(): Promise<void> {
		await this.page.getByTestId('form-submit-button').click();
		await this.page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	}

	/** A blank workflow, ready when the canvas offers its first step. */
	async newWorkflow(): Promise<void> {
		await this.page.goto(`${this.url}/workflow/new`);
		await this.page.getByTestId('canvas-plus-button').or(this.page.getByTestId('canvas-add-button')).first().waitFor({ timeout: 120_000 });
	}

	async openWorkflow(id: string): Promise<void> {
		await this.page.goto(`${this.url}/workflow/${id}`);
		await this.page.getByTestId('canvas-node').first().waitFor({ timeout: 120_000 });
	}

	/** Double-clicks a node on the canvas to open its panel. */
	async openNode(name: string): Promise<void> {
		await this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
		await this.ndv().waitFor();
	}

	/** Clicks an empty spot of the canvas, so that the next node added is not connected to the selected one. */
	async deselect(): Promise<void> {
		// A step that failed may have left a node's panel open over the canvas.
		if (await this.ndv().isVisible()) await this.closeNode();
		await this.page.locator('.vue-flow__pane').click({ position: { x: 40, y: 40 } });
	}

	// The node panel ("What triggers this workflow?" / "What happens next?")

	nodePanel(): Locator {
		return this.page.getByTestId('node-creator');
	}

	async searchNodes(text: string): Promise<void> {
		await this.page.getByTestId('node-creator-plus-button').click();
		await this.nodePanel().waitFor();
		await this.page.getByTestId('node-creator-search-bar').fill(text);
	}

	/** Entries of the node panel's current list, whose visible text contains `text`. */
	nodePanelItem(text: string | RegExp): Locator {
		return this.nodePanel().getByTestId('item-iterator-item').filter({ hasText: text });
	}

	/**
	 * The entries of the node panel's list once it has settled: while one list slides out and the next slides in,
	 * both are in the page, so wait until two reads agree and the entry just clicked (`leaving`) is gone.
	 */
	async nodePanelTexts(leaving?: string): Promise<string[]> {
		return await settled(
			async () => (await this.nodePanel().getByTestId('item-iterator-item').allInnerTexts()).map((t) => t.trim()),
			(texts) => texts.length > 0 && !texts.some((text) => leaving !== undefined && text.includes(leaving)),
		);
	}

	/**
	 * Adds a node as a person does from the "+" in the corner: search, the package's entry (found by `entry`, the text
	 * it shows), then the action or trigger event; the new node's panel opens.
	 */
	async addNode(search: string, entry: string, action: string): Promise<void> {
		await this.searchNodes(search);
		await this.nodePanelItem(entry).first().click();
		await this.nodePanelItem(action).first().click();
		await this.ndv().waitFor();
	}

	/** The same for a trigger event once the workflow has a step: the package's triggers are then folded away. */
	async addTrigger(search: string, entry: string, event: string): Promise<void> {
		await this.searchNodes(search);
		await this.nodePanelItem(entry).first().click();
		await this.nodePanel().getByText(/^Triggers \(\d+\)$/).click();
		await this.nodePanelItem(event).first().click();
		await this.ndv().waitFor();
	}

	/** Waits until n8n's pop-up messages have slid fully into the window (a screenshot before shows them cut off). */
	async toastsInView(): Promise<void> {
		const width = this.page.viewportSize()?.width ?? 1440;
		await settled(
			async () => await this.page.locator('.el-notification').evaluateAll((toasts) => toasts.map((toast) => Math.round(toast.getBoundingClientRect().right))),
			(rights) => rights.every((right) => right <= width),
		);
	}

	// The node's panel (NDV)

	ndv(): Locator {
		return this.page.getByTestId('ndv');
	}

	parameter(name: string): Locator {
		return this.ndv().getByTestId(`parameter-input-${name}`);
	}

	/** The panel's parameters as text (labels, hints, notices), in order. */
	async parametersText(): Promise<string> {
		return await this.ndv().getByTestId('node-parameters').innerText();
	}

	/** The selected credential's name, as the panel's Credential field shows it. */
	async credentialShown(): Promise<string> {
		return await this.ndv().getByTestId('node-credentials-select').locator('input').first().inputValue();
	}

	async fill(name: string, value: string): Promise<void> {
		await this.parameter(name).locator('input, textarea').first().fill(value);
	}

	/** Opens a drop-down field and picks the option whose text contains `text` (options show name and description). */
	async choose(name: string, text: string | RegExp): Promise<void> {
		await this.parameter(name).click();
		await this.visibleOptions().filter({ hasText: text }).first().click();
	}

	visibleOptions(): Locator {
		return this.page.locator('.el-popper:visible .el-select-dropdown__item');
	}

	/** The texts of a drop-down's options (name and description), then closes it again. */
	async optionsOf(name: string): Promise<string[]> {
		await this.parameter(name).click();
		await this.visibleOptions().first().waitFor();
		const texts = (await this.visibleOptions().allInnerTexts()).map((text) => text.trim());
		await this.page.keyboard.press('Escape');
		return texts;
	}

	/** "Add Field" / "Add Option" of a collection (`label`, e.g. "Additional Fields"): adds the field named `field`. */
	async addCollectionField(label: string, field: string): Promise<string[]> {
		await this.ndv().getByTestId('parameter-item').filter({ hasText: label }).getByTestId('collection-parameter-add').click();
		await this.visibleOptions().first().waitFor();
		const offered = (await this.visibleOptions().allInnerTexts()).map((text) => text.trim());
		await this.visibleOptions().filter({ hasText: field }).first().click();
		return offered;
	}

	/**
	 * "Execute step" on an action, "Fetch Test Event" on a trigger (the same button): waits for n8n to finish the run,
	 * then for the output panel to show it, and returns what the node put out.
	 */
	async executeStep(nodeName: string): Promise<StepRun> {
		const from = this.pushed.length;
		// The run this click starts, by the id n8n answers the click with: under load a message about an earlier run can
		// still arrive after the click, and the first "finished" message then is not this run's.
		const started = this.page.waitForResponse((response) => /\/rest\/workflows\/[^/]+\/run\b/.test(response.url()) && response.request().method() === 'POST');
		await this.ndv().getByTestId('node-execute-button').click();
		const answer = (await (await started).json().catch(() => ({}))) as { data?: { executionId?: string | number } };
		const executionId = answer.data?.executionId;
		return await this.runSince(from, nodeName, 60_000, executionId === undefined ? undefined : String(executionId));
	}

	/**
	 * Listening for a test event on a webhook trigger (the same run button): waits until the panel says it is listening
	 * (n8n has then made the node's test subscription), runs `cause` (what makes the event happen), then waits for the
	 * run the event starts as `executeStep` does.
	 */
	async listenForTestEvent(nodeName: string, cause: () => Promise<void>): Promise<StepRun> {
		const from = this.pushed.length;
		await this.startListening();
		await cause();
		return await this.runSince(from, nodeName, 90_000);
	}

	/**
	 * Starts listening; returns once the panel shows it is listening. n8n 2.41 labels
	 * the button "Listen for test event" only on its own Webhook node: on another webhook-based trigger it reads "Execute
	 * step" (and the panel beside it "Pull in events from …").
	 */
	async startListening(): Promise<void> {
		await this.ndv().getByTestId('node-execute-button').filter({ hasText: LISTEN_LABEL }).click();
		await this.ndv().getByText('Listening for test event').first().waitFor();
	}

	/** "Stop Listening" (while listening n8n hides the header's run button; the panel's buttons read so): returns once it is back. */
	async stopListening(): Promise<void> {
		await this.ndv().getByRole('button', { name: 'Stop Listening' }).first().click();
		await this.ndv().getByTestId('node-execute-button').filter({ hasText: LISTEN_LABEL }).waitFor();
	}

	/**
	 * The run n8n reports finished after push message `from` (the one with id `wanted`, when known), with what `nodeName`
	 * put out, once the panel shows it.
	 */
	private async runSince(from: number, nodeName: string, timeoutMs = 60_000, wanted?: string): Promise<StepRun> {
		const finished = await waitFor(
			() => this.pushed.slice(from).find((message) => message.type === 'executionFinished' && (wanted === undefined || String(message.data.executionId) === wanted)),
			timeoutMs,
			'n8n to finish the run',
		);
		const executionId = finished.data.executionId;
		const after = this.pushed
			.slice(from)
			.find((message) => message.type === 'nodeExecuteAfterData' && message.data.executionId === executionId && message.data.nodeName === nodeName);
		const items = (after?.data.data?.data?.main?.[0] ?? []).map((item) => item.json);
		const error = after?.data.data?.error;
		const run: StepRun = { status: finished.data.status ?? 'unknown', items, error: error ? (error.message ?? error.description) : undefined };
		// The output panel draws from the same messages; then the run button gets its label back (a screenshot before
		// that shows a blank button).
		if (run.error) await this.output().getByText(run.error).first().waitFor();
		else await this.output().getByTestId('node-run-status-success').waitFor();
		await this.ndv().getByTestId('node-execute-button').filter({ hasText: /Execute step|Fetch Test Event|Listen for test event/ }).waitFor();
		return run;
	}

	output(): Locator {
		return this.ndv().getByTestId('output-panel');
	}

	/** Switches the output panel to its JSON view (every field in full, rather than columns cut at the panel's edge). */
	async showOutputAsJson(): Promise<void> {
		await this.output().getByTestId('radio-button-json').click();
	}

	/** Waits until the output panel shows `text`; returns everything it shows. */
	async outputShows(text: string): Promise<string> {
		await this.output().getByText(text).first().waitFor();
		return await this.output().innerText();
	}

	async closeNode(): Promise<void> {
		await this.ndv().getByTestId('ndv-close-button').click();
		await this.ndv().waitFor({ state: 'hidden' });
	}

	// Pickers (n8n's resource locator)

	picker(name: string): Locator {
		return this.ndv().getByTestId(`resource-locator-${name}`);
	}

	async pickerMode(name: string): Promise<string> {
		return await this.picker(name).getByTestId('rlc-mode-selector').locator('input').inputValue();
	}

	/** What the picker's field shows: the picked entry's name, or the short code, URL or ID typed in. */
	async pickerValue(name: string): Promise<string> {
		return await this.picker(name).getByTestId('rlc-input-container').locator('input').inputValue();
	}

	/** The mode names the picker offers, as its mode menu lists them. */
	async pickerModes(name: string): Promise<string[]> {
		await this.picker(name).getByTestId('rlc-mode-selector').click();
		const modes = this.page.locator('.el-popper:visible [data-test-id^="mode-"]');
		await modes.first().waitFor();
		const names = (await modes.allInnerTexts()).map((t) => t.trim());
		await this.page.keyboard.press('Escape');
		await modes.first().waitFor({ state: 'hidden' });
		return names;
	}

	/**
	 * Whether the selected mode's name fits its box: n8n gives the mode menu a fixed, narrow width (room for about 47
	 * pixels of text), so a longer name is cut off. n8n's own "From list" runs a pixel over it; that much is allowed.
	 */
	async pickerModeFits(name: string): Promise<boolean> {
		const input = this.picker(name).getByTestId('rlc-mode-selector').locator('input');
		const { scrollWidth, clientWidth } = await input.evaluate((element) => {
			const box = element as unknown as { scrollWidth: number; clientWidth: number };
			return { scrollWidth: box.scrollWidth, clientWidth: box.clientWidth };
		});
		return scrollWidth <= clientWidth + 2;
	}

	async setPickerMode(name: string, mode: string): Promise<void> {
		await this.picker(name).getByTestId('rlc-mode-selector').click();
		await this.page.getByTestId(`mode-${mode}`).click();
	}

	async openPickerList(name: string): Promise<void> {
		await this.picker(name).getByTestId('rlc-input-container').click();
		await this.page.getByTestId('rlc-item').first().waitFor();
	}

	pickerItems(): Locator {
		return this.page.getByTestId('rlc-item');
	}

	/**
	 * Types into the open list's search box; returns the entries shown once n8n has Linkkit's answer for it (n8n keeps
	 * answers per text, so use a text not searched before in this field).
	 */
	async searchPicker(text: string): Promise<string[]> {
		const answer = this.page.waitForResponse((response) => {
			if (!response.url().includes('/rest/dynamic-node-parameters/resource-locator-results')) return false;
			try {
				return (JSON.parse(response.request().postData() ?? '{}') as { filter?: string }).filter === text;
			} catch {
				return false;
			}
		});
		await this.page.getByTestId('rlc-search').fill(text);
		const body = (await (await answer).json()) as { data: { results: Array<{ name: string }> } };
		const expected = body.data.results.map((result) => result.name);
		// The list redraws from that answer: wait until it shows exactly those entries.
		await settled(
			async () => (await this.pickerItems().allInnerTexts()).map((t) => t.trim()),
			(shown) => JSON.stringify(shown) === JSON.stringify(expected),
		);
		return expected;
	}

	/**
	 * Types into a picker as a person does, then leaves the field (Tab), which is when n8n takes a typed value for sure:
	 * a run started right after `fill` could still use the picker's previous value under load (seen twice in CI).
	 */
	async typeInPicker(name: string, value: string): Promise<void> {
		const input = this.picker(name).getByTestId('rlc-input-container').locator('input');
		await input.fill(value);
		await input.press('Tab');
		await this.page.waitForTimeout(500);
	}

	// The credential dialog

	credentialDialog(): Locator {
		return this.page.getByTestId('editCredential-modal');
	}

	async openCredential(): Promise<void> {
		await this.ndv().getByTestId('credential-edit-button').click();
		await this.credentialDialog().getByTestId('credential-connection-parameter').first().waitFor();
	}

	async closeCredential(): Promise<void> {
		await this.credentialDialog().locator('.el-dialog__close').first().click();
		await this.credentialDialog().waitFor({ state: 'hidden' });
	}
}

/** The run button of a webhook-based trigger that is not listening (see `startListening`). */
const LISTEN_LABEL = /Listen for test event|Execute step/;

/** Polls until `read` gives a value; fails after `timeoutMs` naming what it waited for. */
async function waitFor<T>(read: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = read();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** Reads until two reads in a row agree and `ready` accepts them; fails after 30 s with the last read. */
async function settled<T>(read: () => Promise<T>, ready: (value: T) => boolean): Promise<T> {
	const deadline = Date.now() + 30_000;
	let last = await read();
	for (;;) {
		await new Promise((resolve) => setTimeout(resolve, 250));
		const next = await read();
		if (ready(next) && JSON.stringify(next) === JSON.stringify(last)) return next;
		if (Date.now() > deadline) throw new Error(`the editor did not settle; it last showed ${JSON.stringify(next)}`);
		last = next;
	}
}
