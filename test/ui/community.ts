/**
 * n8n 2.41's Settings → Community nodes screen, as a person uses it: the settings menu entry, the install dialog
 * (package name, the risk checkbox, Install), the installed packages' cards and a card's Update button with its
 * confirmation. Found by the data-test-id attributes and texts of n8n's editor (SettingsCommunityNodesView,
 * CommunityPackageInstallModal, CommunityPackageManageConfirmModal).
 */
import type { Locator, Page } from 'playwright-core';

export class CommunityNodes {
	constructor(
		readonly page: Page,
		readonly url: string,
	) {}

	/** Settings (from the personal settings page), then the settings menu's "Community nodes". */
	async open(): Promise<void> {
		await this.page.goto(`${this.url}/settings/personal`);
		await this.page.getByText('Community nodes', { exact: true }).click();
		await this.page.waitForURL((url) => url.pathname === '/settings/community-nodes');
		// Loaded once it offers to install (the empty state's button, or the header's once a package is installed).
		await this.installOffer().waitFor();
	}

	private installOffer(): Locator {
		return this.page.getByRole('button', { name: /^(Install a community node|Install)$/ }).first();
	}

	/** The empty state's "Install a community node", or the "Install" button once packages are installed. */
	async openInstallDialog(): Promise<void> {
		await this.installOffer().click();
		await this.packageNameInput().waitFor();
	}

	/** n8n's input puts the test id on the input itself or on its wrapper, depending on the version. */
	private packageNameInput(): Locator {
		return this.page.locator('input[data-test-id="package-name-input"], [data-test-id="package-name-input"] input').first();
	}

	/** Types the package name and ticks "I understand the risks…"; the dialog's Install is then enabled. */
	async fillInstallDialog(packageName: string): Promise<void> {
		await this.packageNameInput().fill(packageName);
		await this.page.getByTestId('user-agreement-checkbox').click();
	}

	installButton(): Locator {
		return this.page.getByTestId('install-community-package-button');
	}

	/** Clicks Install; waits until the package's card shows, or fails with the error n8n showed instead. */
	async install(packageName: string): Promise<void> {
		await this.installButton().click();
		const failed = this.page.locator('.el-notification--error');
		await this.card(packageName).or(failed).first().waitFor({ timeout: 180_000 });
		if (await failed.isVisible()) throw new Error(`n8n did not install ${packageName}: ${(await failed.innerText()).replace(/\s+/g, ' ')}`);
	}

	card(packageName: string): Locator {
		return this.page.getByTestId('community-package-card').filter({ hasText: packageName });
	}

	/** The card's text, once it shows `version` ("v0.2.0"). */
	async cardShowing(packageName: string, version: string): Promise<string> {
		const card = this.card(packageName);
		await card.getByText(`v${version}`, { exact: true }).waitFor({ timeout: 180_000 });
		return (await card.innerText()).replace(/\s+/g, ' ').trim();
	}

	updateButton(packageName: string): Locator {
		return this.card(packageName).getByRole('button', { name: 'Update' });
	}

	confirmDialog(): Locator {
		return this.page.locator('.el-dialog').filter({ hasText: 'Update node package' });
	}

	/** "Confirm update" in the confirmation dialog; waits for the dialog to close (n8n closes it when done). */
	async confirmUpdate(): Promise<void> {
		await this.confirmDialog().getByRole('button', { name: 'Confirm update' }).click();
		await this.confirmDialog().waitFor({ state: 'hidden', timeout: 180_000 });
	}
}
