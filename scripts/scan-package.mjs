// The checks of n8n's package scanner (`npx @n8n/scan-community-package <name>`, pinned as a devDependency), run on a
// package folder we have rather than one the CLI downloads from the public registry. The CLI cannot be pointed
// elsewhere (its registry URL is fixed) and stops at its first leg unless the package was published with npm
// provenance from CI, so this runs the same legs itself, through the functions its scanner module exports:
//   provenance  checkPackageProvenance(<registry metadata>, <version>)   (expected to fail off the public registry)
//   source      analyzePackage(<source folder>, SOURCE_FILE_PATTERNS)   (what the CLI lints in the attested source)
//   tarball     analyzePackage(<unpacked tarball>, ['**/*.js', 'package.json'])   (what the CLI lints in the tarball)
//
//   node scripts/scan-package.mjs --package <unpacked tarball> [--source <folder>] [--metadata <packument.json> --version <v>]
//
// Prints one JSON object, { provenance?, source?, tarball? }, each leg { passed, message?, details? }; exit 0 when
// the lint legs pass (provenance is reported, not judged: the caller decides).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkPackageProvenance } from '@n8n/scan-community-package/scanner/provenance.mjs';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';

const { values } = parseArgs({
	options: { package: { type: 'string' }, source: { type: 'string' }, metadata: { type: 'string' }, version: { type: 'string' } },
});
if (!values.package) {
	console.error('usage: node scripts/scan-package.mjs --package <dir> [--source <dir>] [--metadata <file> --version <v>]');
	process.exit(2);
}

// The CLI's own order and arguments (scanner/scanner.mjs, analyzePackageByName).
// ESLint wants absolute folders.
const abs = (folder) => resolve(folder);
const result = {};
if (values.metadata) result.provenance = checkPackageProvenance(JSON.parse(readFileSync(values.metadata, 'utf8')), values.version);
if (values.source) result.source = await analyzePackage(abs(values.source), SOURCE_FILE_PATTERNS);
result.tarball = await analyzePackage(abs(values.package), ['**/*.js', 'package.json']);
// An `error` object (analysis crashed) does not survive JSON: keep its message only.
for (const leg of Object.values(result)) delete leg.error;

console.log(JSON.stringify(result, null, 2));
process.exit(result.tarball.passed && (result.source?.passed ?? true) ? 0 : 1);
