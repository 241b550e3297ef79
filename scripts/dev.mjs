// `npm run dev`: the local playground. For now it starts the Linkkit sandbox on 127.0.0.1 and prints its
// URL and demo API keys; flags are passed through (e.g. `npm run dev -- --rate 5/s --links 2000`).
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const child = spawn('tsx', [join(root, 'sandbox/cli.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
