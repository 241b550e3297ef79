/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only test code, never shipped in the n8n package */
/**
 * Debian's Chromium, driven by playwright-core (which never downloads a browser): headless, a fresh profile per run,
 * and no background traffic (updates, sync, field trials), since the machines this runs on have no way out and the
 * test must only ever talk to 127.0.0.1. Screenshots of each step go to tmp/ui/ for a reviewer to look at.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';
import { ensureChromium } from '../../scripts/ensure-chromium';

export const SCREENSHOT_DIR = join(__dirname, '../../tmp/ui');

const CHROMIUM_FLAGS = [
	'--headless',
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
	/** Saves tmp/ui/<name>.png of the whole window. */
	screenshot(name: string): Promise<void>;
	close(): Promise<void>;
}

export async function openBrowser(): Promise<Browser> {
	const executablePath = ensureChromium();
	// n8n's editor marks its elements with data-test-id (not Playwright's default data-testid).
	selectors.setTestIdAttribute('data-test-id');
	const profile = mkdtempSync(join(tmpdir(), 'linkkit-ui-profile-'));
	mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const context: BrowserContext = await chromium.launchPersistentContext(profile, {
		executablePath,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1440, height: 900 },
		locale: 'en-US',
		timezoneId: 'UTC',
	});
	const page = context.pages()[0] ?? (await context.newPage());
	// The shared 2-core machines are slow to render n8n's editor; a person would wait this long too.
	page.setDefaultTimeout(45_000);
	return {
		page,
		async screenshot(name) {
			await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
		},
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
