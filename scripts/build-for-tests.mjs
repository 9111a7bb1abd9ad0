// `npm run build:test`: the production build the tests use, made with non-sandbox vendor settings in the
// environment (e2e/live-settings.json), so that the client-bundle scan proves none of them is baked in.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const live = JSON.parse(readFileSync(new URL('../e2e/live-settings.json', import.meta.url), 'utf8'));
delete live._comment;
const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
  stdio: 'inherit',
  env: { ...process.env, ...live, NEXT_TELEMETRY_DISABLED: '1' },
});
process.exit(result.status ?? 1);
