// `npm run start:standalone`: runs the deployment build (output: 'standalone', made by `npm run build`) the way
// a container does — `node .next/standalone/server.js` — after putting in place what Next leaves out of the
// standalone folder: the browser assets (.next/static) and public/. NEXT_DIST_DIR as for the build (default .next).
// PORT and HOSTNAME (default 0.0.0.0) as for server.js; KEEP_ALIVE_TIMEOUT in ms.
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';

const distDir = process.env.NEXT_DIST_DIR || '.next';
const standalone = path.join(distDir, 'standalone');
const server = path.join(standalone, 'server.js');
if (!existsSync(server)) {
  console.error(`${server} is missing: run \`npm run build\` first (next.config.mjs has output: 'standalone').`);
  process.exit(1);
}

/** Copies the static assets and public/ into the standalone folder, replacing an older copy. */
function prepareStandalone() {
  const staticTarget = path.join(standalone, distDir, 'static');
  rmSync(staticTarget, { recursive: true, force: true });
  cpSync(path.join(distDir, 'static'), staticTarget, { recursive: true });
  const publicTarget = path.join(standalone, 'public');
  rmSync(publicTarget, { recursive: true, force: true });
  if (existsSync('public')) cpSync('public', publicTarget, { recursive: true });
}

prepareStandalone();
// server.js changes into its own folder: a relative DATA_DIR (default .data) is meant from here, not from there.
const env = { ...process.env, DATA_DIR: path.resolve(process.env.DATA_DIR || '.data') };
const child = spawn(process.execPath, [server], { stdio: 'inherit', env });
const stop = (signal) => child.kill(signal);
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
