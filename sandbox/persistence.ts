/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- dev-only tool, never shipped in the n8n package */
/**
 * `--data <file>`: the state as one JSON file, read at start when present and written (debounced) after changes
 * and on shutdown. Writes go to a temporary file renamed over the old one, so a crash never leaves half a file.
 * The file is state, like a database: it holds the webhook subscriptions with their signing secrets (deliveries
 * after a restart must be signed), so keep it where you would keep such a database.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from './state/store';
import type { StoreData } from './state/types';

export class JsonFilePersistence {
	private timer: ReturnType<typeof setTimeout> | undefined;

	constructor(
		readonly file: string,
		private readonly debounceMs = 250,
	) {}

	/** The saved state, or undefined when there is no file yet. */
	load(): StoreData | undefined {
		if (!existsSync(this.file)) return undefined;
		const data = JSON.parse(readFileSync(this.file, 'utf8')) as StoreData;
		// Version 1 files hold the old invented contract's data (campaigns, segments): nothing of it carries over.
		if (data.version !== 2) throw new Error(`${this.file} is not a Linkkit sandbox data file of this version (version ${String(data.version)}); delete it to start from the seed.`);
		return data;
	}

	schedule(store: Store): void {
		if (this.timer) return;
		this.timer = setTimeout(() => this.flush(store), this.debounceMs);
		// A pending save must not keep a finished process alive; shutdown flushes explicitly.
		this.timer.unref();
	}

	flush(store: Store): void {
		if (this.timer) clearTimeout(this.timer);
		this.timer = undefined;
		mkdirSync(dirname(this.file), { recursive: true });
		const temporary = `${this.file}.${process.pid}.tmp`;
		writeFileSync(temporary, JSON.stringify(store.toJSON()));
		renameSync(temporary, this.file);
	}
}
