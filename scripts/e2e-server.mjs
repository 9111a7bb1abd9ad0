// Starts the production build for the Playwright journeys on a fresh embedded database.
import { rmSync } from 'node:fs';
import { spawn } from 'node:child_process';

const dataDir = process.env.DATA_DIR ?? '.data/e2e';
if (!dataDir.startsWith('.data/')) throw new Error(`refusing to wipe ${dataDir}: e2e data must live under .data/`);
rmSync(dataDir, { recursive: true, force: true });

const child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', process.env.PORT ?? '3100', '-H', '127.0.0.1'], {
  stdio: 'inherit',
  env: process.env,
});
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => process.exit(code ?? 0));
