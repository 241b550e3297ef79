/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-dangerous-functions -- dev-only benchmark, never shipped in the n8n package */
/** What users download: the n8n package tarball (size, unpacked size, files) and the Zapier zip (size, files). */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { repoRoot } from '../../scripts/n8n/instance';
import { ZIP } from './zapier';

export interface Weight {
	n8nTarballBytes: number;
	n8nUnpackedBytes: number;
	n8nFiles: number;
	zapierZipBytes?: number;
	zapierZipFiles?: number;
}

/** Needs `npm run build` (done by the throughput section's tarball) and, for the zip, the zapier section's build. */
export function measureWeight(): Weight {
	const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--silent'], { cwd: repoRoot, encoding: 'utf8' });
	if (packed.status !== 0) throw new Error(`npm pack --dry-run failed: ${packed.stderr}`);
	const [info] = JSON.parse(packed.stdout) as Array<{ size: number; unpackedSize: number; entryCount: number }>;
	const weight: Weight = { n8nTarballBytes: info.size, n8nUnpackedBytes: info.unpackedSize, n8nFiles: info.entryCount };
	try {
		weight.zapierZipBytes = statSync(ZIP).size;
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- adm-zip ships no types
		const AdmZip = require('adm-zip') as new (path: string) => { getEntries(): unknown[] };
		weight.zapierZipFiles = new AdmZip(ZIP).getEntries().length;
	} catch {
		// No zip built in this run (the zapier section was left out).
	}
	return weight;
}
