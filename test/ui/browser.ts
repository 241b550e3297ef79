/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only test code, never shipped in the n8n package */
/**
 * Debian's Chromium, headless, driven by playwright-core (which never downloads a browser): the flags keep it off the
 * network except for the n8n under test (this machine's closed network refuses Chromium's background calls), and each
 * run gets a fresh profile. Screenshots go to tmp/ui/ for a reviewer.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, selectors, type BrowserContext, type Locator, type Page } from 'playwright-core';

import { repoRoot } from '../../scripts/n8n/instance';
import { ensureChromium } from '../../scripts/chromium';

export const SCREENSHOTS = join(repoRoot, 'tmp/ui');

const FLAGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface Browser {
	page: Page;
	/** Saves `tmp/ui/<nn>-<name>.png`, numbered in the order taken. */
	shot(name: string): Promise<string>;
	close(): Promise<void>;
}

export async function openBrowser(): Promise<Browser> {
	const executablePath = ensureChromium();
	mkdirSync(SCREENSHOTS, { recursive: true });
	// n8n's editor marks its elements with data-test-id.
	selectors.setTestIdAttribute('data-test-id');
	const profile = mkdtempSync(join(repoRoot, 'tmp/ui-profile-'));
	const context: BrowserContext = await chromium.launchPersistentContext(profile, {
		executablePath,
		headless: true,
		args: FLAGS,
		viewport: { width: 1440, height: 900 },
	});
	context.setDefaultTimeout(60_000);
	const page = context.pages()[0] ?? (await context.newPage());
	let taken = 0;
	return {
		page,
		async shot(name) {
			const path = join(SCREENSHOTS, `${String(++taken).padStart(2, '0')}-${name}.png`);
			await page.screenshot({ path });
			return path;
		},
		close: () => context.close(),
	};
}

/** Waits until the locator's text matches (n8n renders lists and outputs asynchronously). */
export async function waitForText(locator: Locator, pattern: RegExp, timeoutMs = 60_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	let text = '';
	while (Date.now() < deadline) {
		text = await locator.innerText().catch(() => '');
		if (pattern.test(text)) return text;
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`Waited ${timeoutMs / 1000} s for ${pattern} in: ${text.slice(0, 500)}`);
}

/** Picks an entry of the currently open drop-down (n8n's select menus render outside the field). */
export async function chooseOption(page: Page, field: Locator, label: string | RegExp): Promise<void> {
	await field.click();
	await page.locator('.el-select-dropdown__item:visible').filter({ hasText: label }).first().click();
}
