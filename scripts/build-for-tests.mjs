// `npm run build:test`: the production build the tests use, made with non-sandbox vendor settings in the
// environment (e2e/live-settings.json), so that the client-bundle scan proves none of them is baked in.
// NEXT_DIST_DIR (default .next) lets parallel runs on one machine build side by side.
import { copyFileSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const live = JSON.parse(readFileSync(new URL('../e2e/live-settings.json', import.meta.url), 'utf8'));
delete live._comment;
const env = { ...process.env, ...live, NEXT_TELEMETRY_DISABLED: '1' };
const distDir = process.env.NEXT_DIST_DIR;
if (distDir && distDir !== '.next') {
  // Next writes the distDir's type paths into the tsconfig it uses: give it a private copy.
  const copy = `${distDir}.tsconfig.json`;
  copyFileSync('tsconfig.json', copy);
  env.NEXT_TSCONFIG = copy;
}
const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
