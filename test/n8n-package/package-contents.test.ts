/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- dev-only test code, never shipped in the n8n package */
/**
 * What `npm pack` would publish, checked against n8n's rules for community packages: only the compiled
 * package (nodes, credential, the core they use, icons, codex files), no runtime dependencies, n8n-workflow
 * only as a peer, and nothing in the shipped JavaScript that n8n's scanner forbids. Needs `npm run build`
 * first (npm test does it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function packedFiles(): string[] {
	const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
	return (JSON.parse(out)[0].files as Array<{ path: string }>).map((f) => f.path).sort();
}

describe('the published n8n package', () => {
	const files = packedFiles();

	it('ships only the compiled package, README and package.json', () => {
		expect(files.filter((f) => !f.startsWith('dist/') && f !== 'README.md' && f !== 'package.json' && f !== 'LICENSE')).toEqual([]);
		expect(files.filter((f) => /\.map$|\.ts$|\/test\/|sandbox|zapier|\.tsbuildinfo$/.test(f))).toEqual([]);
	});

	it('contains every node, credential, icon and codex file package.json points at', () => {
		for (const entry of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) expect(files).toContain(entry);
		for (const node of ['Linkkit', 'LinkkitTrigger']) expect(files).toContain(`dist/nodes/${node}/${node}.node.json`);
		expect(files).toEqual(expect.arrayContaining(['dist/nodes/Linkkit/linkkit.svg', 'dist/nodes/Linkkit/linkkit.dark.svg']));
		expect(files.filter((f) => f.startsWith('dist/core/')).length).toBeGreaterThan(10);
	});

	it('the built action node loads on its own and is the node the sources describe', () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled package, as n8n loads it
		const built = require(join(root, 'dist/nodes/Linkkit/Linkkit.node.js')) as { Linkkit: new () => { description: { name: string; usableAsTool?: boolean; properties: unknown[] }; methods: { listSearch: object } } };
		const node = new built.Linkkit();
		expect(node.description.name).toBe('linkkit');
		expect(node.description.usableAsTool).toBe(true);
		expect(node.description.properties.length).toBeGreaterThan(50);
		expect(Object.keys(node.methods.listSearch).sort()).toEqual(
			['searchCampaignSettings', 'searchCustomDomains', 'searchDomains', 'searchLinks', 'searchQrCodes', 'searchSegments', 'searchTags'],
		);
		expect(files.filter((f) => f.startsWith('dist/nodes/Linkkit/actions/')).length).toBeGreaterThan(40);
	});

	it('has no runtime dependencies and only n8n-workflow as a peer', () => {
		expect(manifest.dependencies ?? {}).toEqual({});
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.n8n).toMatchObject({ n8nNodesApiVersion: 1, strict: true });
		for (const hook of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish']) expect(manifest.scripts?.[hook]).toBeUndefined();
	});

	it('shipped JavaScript uses no globals, modules or calls n8n forbids', () => {
		const forbidden = [
			/\bprocess\./,
			/\bsetTimeout\(/,
			/\bsetInterval\(/,
			/\bsetImmediate\(/,
			/\bconsole\./,
			/\b__dirname\b/,
			/require\("(node:)?(fs|child_process|http|https|net|os|path|vm|worker_threads)"\)/,
			/\beval\(/,
			/new Function\(/,
		];
		const offending: string[] = [];
		for (const file of files.filter((f) => f.endsWith('.js'))) {
			const code = readFileSync(join(root, file), 'utf8');
			for (const pattern of forbidden) if (pattern.test(code)) offending.push(`${file}: ${pattern}`);
			const requires = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
			for (const id of requires) if (!id.startsWith('.') && id !== 'n8n-workflow' && id !== 'crypto') offending.push(`${file}: requires ${id}`);
		}
		expect(offending).toEqual([]);
	});

	it('points at no file it does not ship (no "main" outside the package)', () => {
		for (const field of ['main', 'module', 'types', 'bin'] as const) {
			const value = manifest[field];
			if (value === undefined) continue;
			for (const target of typeof value === 'string' ? [value] : Object.values(value as Record<string, string>)) expect(files).toContain(String(target).replace(/^\.\//, ''));
		}
	});
});

/**
 * The README npm and n8n show is for the people who install the package: n8n's community-node README template
 * (Installation, Operations, Credentials, Compatibility, Usage, Resources, Version history), and what a user needs
 * before anything about developing it.
 */
describe('the README the package ships', () => {
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());

	it("has every section of n8n's community-node README template, in its order", () => {
		const template = ['Installation', 'Operations', 'Credentials', 'Compatibility', 'Usage', 'Resources', 'Version history'];
		expect(headings).toEqual(expect.arrayContaining(template));
		const positions = template.map((heading) => headings.indexOf(heading));
		expect(positions).toEqual([...positions].sort((a, b) => a - b));
	});

	it('keeps development matters after everything a user reads', () => {
		const userPart = readme.slice(0, readme.indexOf('\n## Development'));
		expect(readme).toContain('\n## Development');
		expect(userPart).not.toMatch(/sandbox|jest|npm test|bench|Zapier/i);
		expect(readme.slice(readme.indexOf('\n## Development'))).toMatch(/npm install && npm run dev[\s\S]*npm test/);
	});

	it('names the lowest n8n version tested and the current version in its history', () => {
		const compatibility = readme.slice(readme.indexOf('## Compatibility'), readme.indexOf('## Usage'));
		expect(compatibility).toMatch(/n8n \*\*\d+\.\d+\.\d+\*\*/);
		expect(readme.slice(readme.indexOf('## Version history'))).toContain(`**${manifest.version}**`);
	});

	it('links only to places that exist (relative links resolve in the repository)', () => {
		const missing = [...readme.matchAll(/\]\((?!https?:|#)([^)#]+)/g)].map((m) => m[1]).filter((target) => !existsSync(join(root, target)));
		expect(missing).toEqual([]);
	});
});
