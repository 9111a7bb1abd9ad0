// Starts the production build for the Playwright journeys on a fresh embedded database.
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';

const dataDir = process.env.DATA_DIR ?? '.data/e2e';
if (!dataDir.startsWith('.data/')) throw new Error(`refusing to wipe ${dataDir}: e2e data must live under .data/`);
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
// Everything the console logs, kept for the suite's check that no line carries an e-mail or phone number.
const logFile = createWriteStream(`${dataDir}/server.log`);

// Sandbox mode is asked for explicitly (without it and without credentials the console refuses to start).
// Idle keep-alive sockets are kept for 65 s (Node's default is 5 s): a journey's request context that waits a
// few seconds between two control calls must not send on a socket the server is closing (ECONNRESET).
// E2E_STANDALONE=1: the deployment build instead, `node .next/standalone/server.js` through start:standalone
// (the standalone smoke journey, playwright.standalone.config.ts).
const standalone = process.env.E2E_STANDALONE === '1';
const args = standalone
  ? ['scripts/start-standalone.mjs']
  : ['node_modules/next/dist/bin/next', 'start', '-p', process.env.PORT ?? '3100', '-H', '127.0.0.1', '--keepAliveTimeout', '65000'];
const child = spawn(process.execPath, args, {
  stdio: ['ignore', 'pipe', 'pipe'],
  env: {
    ...process.env,
    SANDBOX: process.env.SANDBOX ?? '1',
    ...(standalone ? { HOSTNAME: '127.0.0.1', KEEP_ALIVE_TIMEOUT: '65000', PORT: process.env.PORT ?? '3100' } : {}),
  },
});
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  logFile.write(chunk);
});
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  logFile.write(chunk);
});
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => process.exit(code ?? 0));
