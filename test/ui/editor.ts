/* eslint-disable @n8n/community-nodes/no-restricted-globals -- dev-only test code, never shipped in the n8n package */
/**
 * The parts of n8n 2.41's editor the browser test uses, found by the data-test-id attributes n8n's own end-to-end
 * tests rely on (they change less often than classes or layout). Each helper does what a person does: click, type,
 * pick from a list; none reaches into n8n's state.
 */
import type { Locator, Page } from 'playwright-core';

export class Editor {
	constructor(
		readonly page: Page,
		readonly url: string,
	) {}

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
		await this.page.getByTestId('canvas-node').filter({ hasText: name }).first().dblclick();
		await this.ndv().waitFor();
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
	nodePanelItem(text: string): Locator {
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

	// The node's panel (NDV)

	ndv(): Locator {
		return this.page.getByTestId('ndv');
	}

	parameter(name: string): Locator {
		return this.ndv().getByTestId(`parameter-input-${name}`);
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

	/** "Execute step" on an action, "Fetch Test Event" on a trigger: the same button. */
	async executeStep(): Promise<void> {
		await this.ndv().getByTestId('node-execute-button').click();
	}

	output(): Locator {
		return this.ndv().getByTestId('output-panel');
	}

	/** Waits until the output panel shows a successful run with `text` in it. */
	async outputShows(text: string): Promise<string> {
		await this.output().getByTestId('node-run-status-success').waitFor();
		await this.output().getByText(text).first().waitFor();
		// The run button gets its label back once the run is over (a screenshot before shows a blank button).
		await this.ndv().getByTestId('node-execute-button').filter({ hasText: /Execute step|Fetch Test Event/ }).waitFor();
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

	async setPickerMode(name: string, mode: 'list' | 'id' | 'shortUrl'): Promise<void> {
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

	/** Types into the open list's search box; returns the entries shown once n8n has Linkkit's answer for it. */
	async searchPicker(text: string): Promise<string[]> {
		const answer = this.page.waitForResponse(
			(response) => response.url().includes('/rest/dynamic-node-parameters/resource-locator-results') && (response.request().postData() ?? '').includes(text),
		);
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

	async typeInPicker(name: string, value: string): Promise<void> {
		await this.picker(name).getByTestId('rlc-input-container').locator('input').fill(value);
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
