// `npm run dev`: the local playground. Starts the Linkkit sandbox and a real n8n (provisioned once, cached) with this
// package installed, an owner account, a credential for the sandbox and the example workflows; prints where to go.
//   npm run dev -- --sandbox-only [sandbox flags]   just the sandbox (e.g. --rate 5/s --links 2000)
//   npm run dev -- --port 4010 --n8n-port 5678      choose the ports
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const sandboxOnly = args.includes('--sandbox-only');
const script = sandboxOnly ? 'sandbox/cli.ts' : 'scripts/n8n/playground.ts';
const child = spawn('tsx', [join(root, script), ...args.filter((a) => a !== '--sandbox-only')], { cwd: root, stdio: 'inherit' });
// The child stops its servers on the signal; we only wait for it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
