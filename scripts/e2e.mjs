// `npm run test:e2e` (what npm test and CI run): the Playwright suite twice against one server, with retries
// off — first in file order, then in a shuffled order of spec files (playwright.config.ts chains them).
// The seed is printed; E2E_SEED=<n> replays an order, E2E_PASSES=<n> changes the number of passes.
import { spawnSync } from 'node:child_process';

const seed = process.env.E2E_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const passes = process.env.E2E_PASSES ?? '2';
console.log(`e2e: ${passes} passes, spec order of pass 2+ shuffled with E2E_SEED=${seed}`);
const result = spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, E2E_SEED: seed, E2E_PASSES: passes },
});
if (result.status !== 0) console.log(`e2e: failed; replay this order with E2E_SEED=${seed} npm run test:e2e`);
process.exit(result.status ?? 1);
